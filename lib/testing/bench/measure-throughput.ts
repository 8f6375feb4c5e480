/**
 * A small single-threaded throughput meter for the parse benchmarks: warm up, then run the
 * items round after round until a minimum time has passed, and report items per second.
 * Exported for every bench:parse section (text, HTML, and the PDF engineer's pages/second).
 */

/** Result of one measurement. */
export type Throughput = {
  items: number;
  seconds: number;
  perSecond: number;
  failed: number;
  /** CPU seconds this process used while timing, when a `cpuClock` was given */
  cpuSeconds?: number;
  /** items per CPU second: the figure that stays honest on a machine other jobs share */
  perCpuSecond?: number;
};

/**
 * Options: `warmupRounds` untimed passes (and more until `warmupSeconds` have passed on the CPU clock, or the wall
 * clock without one: a set of five reports is not warm after one pass, the JIT and the first collections still run),
 * then timed passes until `minSeconds` have elapsed.
 */
export type MeasureOptions<T> = {
  items: readonly T[];
  run: (item: T) => boolean;
  warmupRounds?: number;
  warmupSeconds?: number;
  minSeconds?: number;
  /** CPU time in seconds, e.g. `() => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; }` */
  cpuClock?: () => number;
};

/** Runs `run` over `items` (returning false counts as a failure) and measures items per second. */
export function measureThroughput<T>({
  items,
  run,
  warmupRounds = 1,
  warmupSeconds = 0,
  minSeconds = 2,
  cpuClock,
}: MeasureOptions<T>): Throughput {
  const warmClock = cpuClock ?? (() => performance.now() / 1000);
  const warmStart = warmClock();
  for (let r = 0; r < warmupRounds || warmClock() - warmStart < warmupSeconds; r++) for (const item of items) run(item);
  let done = 0;
  let failed = 0;
  const cpuStart = cpuClock?.();
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const item of items) if (!run(item)) failed++;
    done += items.length;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < minSeconds);
  const result: Throughput = { items: done, seconds: elapsed, perSecond: done / elapsed, failed };
  if (cpuClock && cpuStart !== undefined) {
    const cpuSeconds = cpuClock() - cpuStart;
    return { ...result, cpuSeconds, perCpuSecond: done / cpuSeconds };
  }
  return result;
}
