import { describe, expect, it } from "vitest";
import { cpuMsOf, cpuTicksOf, perRequest } from "./process-cpu";

describe("cpuTicksOf", () => {
  it("adds user and system time, fields 14 and 15, after a name with spaces and parentheses", () => {
    const stat =
      "4242 (node (x) y) S 1 4242 4242 0 -1 4194560 5000 0 0 0 1234 567 0 0 20 0 11 0 100 1000 2000";
    expect(cpuTicksOf(stat)).toBe(1234 + 567);
  });

  it("refuses a line that is not a stat line", () => {
    expect(() => cpuTicksOf("4242 (node) S 1")).toThrow(/not a \/proc/);
  });
});

describe("cpuMsOf", () => {
  // /proc is Linux's: elsewhere the bench leaves the CPU columns empty.
  it.runIf(process.platform === "linux")(
    "reads this process's own CPU time, which grows as it works",
    () => {
      const before = cpuMsOf(process.pid) ?? Number.NaN;
      let spin = 0;
      const until = Date.now() + 60;
      while (Date.now() < until) spin += 1;
      const after = cpuMsOf(process.pid);
      expect(spin).toBeGreaterThan(0);
      expect(after).not.toBeNull();
      expect((after ?? Number.NaN) - before).toBeGreaterThanOrEqual(20);
    },
  );

  it("is null for no process", () => {
    expect(cpuMsOf(undefined)).toBeNull();
    expect(cpuMsOf(2 ** 30)).toBeNull();
  });
});

describe("perRequest", () => {
  it("divides the CPU used by the requests served, to the microsecond", () => {
    expect(perRequest(1000, 1950, 1000)).toBe(0.95);
    expect(perRequest(0, 1, 3)).toBe(0.333);
    expect(perRequest(null, 5, 3)).toBeNull();
    expect(perRequest(1, 5, 0)).toBeNull();
  });
});
