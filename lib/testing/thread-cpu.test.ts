import { expect, it } from "vitest";
import { readThreadCpu, splitThreadCpu } from "./thread-cpu";

it("splits CPU time between the main thread, the named workers and the rest; new threads count from 0", () => {
  const before = new Map([
    [100, 1000],
    [101, 500],
    [102, 20],
  ]);
  const after = new Map([
    [100, 1040],
    [101, 800],
    [102, 50],
    [103, 70],
  ]);
  expect(splitThreadCpu(before, after, [101], 100)).toEqual({ main: 40, workers: 300, other: 100 });
});

it.runIf(process.platform === "linux")("reads this process's main thread, whose CPU time grows with work", () => {
  const before = readThreadCpu();
  expect(before.has(process.pid)).toBe(true);
  // spin until the kernel has counted a tick (10 ms) for this thread; a reader that never sees it fails after 5 s
  const until = performance.now() + 5000;
  let main = 0;
  while (main === 0 && performance.now() < until) main = splitThreadCpu(before, readThreadCpu(), []).main;
  expect(main).toBeGreaterThan(0);
});
