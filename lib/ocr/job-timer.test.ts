import { describe, expect, it } from "vitest";
import { JobTimer, MAX_STRETCH } from "./job-timer";

describe("JobTimer: the OCR job time limit adapts to load", () => {
  it("is the configured limit on a quiet machine with nothing measured yet", () => {
    expect(new JobTimer(() => 0.3).limitFor(30_000, 2_000_000)).toBe(30_000);
  });

  it("stretches with the load per core, capped", () => {
    expect(new JobTimer(() => 2).limitFor(30_000, 1)).toBe(60_000);
    expect(new JobTimer(() => 10).limitFor(30_000, 1)).toBe(30_000 * MAX_STRETCH);
    expect(new JobTimer(() => Number.NaN).limitFor(30_000, 1)).toBe(30_000);
  });

  it("stretches with the measured time per byte: a job that took 20 s on a loaded machine lets the next run longer", () => {
    const timer = new JobTimer(() => 0.5);
    timer.record(20_000, 1_000_000); // 20 s for 1 MB: a page the fixed 30 s limit would stop at 1.5 MB
    expect(timer.limitFor(30_000, 1_000_000)).toBe(60_000); // 3 × 20 s
    expect(timer.limitFor(30_000, 1_500_000)).toBe(90_000);
    expect(timer.limitFor(30_000, 10_000_000)).toBe(30_000 * MAX_STRETCH);
  });

  it("never drops below the configured limit when the machine is fast, and follows the rate as it changes", () => {
    const timer = new JobTimer(() => 0);
    timer.record(100, 1_000_000);
    expect(timer.limitFor(30_000, 1_000_000)).toBe(30_000);
    for (let i = 0; i < 20; i++) timer.record(30_000, 1_000_000); // a job stopped at its limit counts as at least that long
    expect(timer.limitFor(30_000, 1_000_000)).toBeGreaterThan(80_000);
    timer.record(Number.NaN, 1);
    timer.record(5, 0);
    expect(timer.rate).toBeGreaterThan(0.02);
  });
});
