/**
 * A terminal progress bar for bulk ingest: count, rate and ETA, redrawn in place on a TTY,
 * printed as a line every 10 % otherwise (CI logs).
 */

export type ProgressBar = { update(done: number): void; finish(): void };

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return "--";
  if (s < 60) return `${Math.ceil(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.ceil(s % 60)).padStart(2, "0")}s`;
}

/** A bar over `total` items writing to `stream` (stderr by default). */
export function createProgressBar(total: number, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const started = performance.now();
  const width = 30;
  let lastDraw = 0;
  let lastDecile = -1;
  let current = 0;
  function line(): string {
    const elapsed = (performance.now() - started) / 1000;
    const rate = elapsed > 0 ? current / elapsed : 0;
    const filled = total ? Math.round((current / total) * width) : width;
    const eta = rate > 0 ? (total - current) / rate : Infinity;
    return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${current}/${total}  ${rate.toFixed(1)}/s  ETA ${formatSeconds(eta)}`;
  }
  function draw(force: boolean): void {
    const now = performance.now();
    if (stream.isTTY) {
      if (!force && now - lastDraw < 100) return;
      lastDraw = now;
      stream.write(`\r${line()}`);
      return;
    }
    const decile = total ? Math.floor((current / total) * 10) : 10;
    if (force || decile > lastDecile) {
      lastDecile = decile;
      stream.write(`${line()}\n`);
    }
  }
  return {
    update(done) {
      current = done;
      draw(done === total);
    },
    finish() {
      draw(true);
      if (stream.isTTY) stream.write("\n");
    },
  };
}
