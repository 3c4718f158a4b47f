import { describe, expect, it } from "vitest";
import { placeOf, summarise, type CpuProfile } from "./cpu-profile";

const frame = (id: number, functionName: string, url: string, lineNumber = 0) => ({
  id,
  callFrame: { functionName, url, lineNumber },
});

// Four nodes; samples every 100 µs from t = 1,000 µs; each sample stands for the time to the next.
const PROFILE: CpuProfile = {
  nodes: [
    frame(1, "(idle)", ""),
    frame(2, "execute", "file:///p/node_modules/graphql/execution/execute.js", 9),
    frame(3, "search", "file:///p/src/services/search.service.ts", 41),
    frame(4, "(garbage collector)", ""),
  ],
  startTime: 1_000,
  samples: [2, 2, 3, 1, 4, 2, 3, 3],
  timeDeltas: [100, 100, 100, 100, 100, 100, 100, 100],
};

describe("CPU profile summary", () => {
  it("names the place of a frame: a package, our folder, Node or V8", () => {
    expect(placeOf("x", "file:///p/node_modules/@apollo/server/dist/cjs/a.js")).toBe(
      "@apollo/server",
    );
    expect(placeOf("x", "file:///p/node_modules/a/node_modules/graphql/b.js")).toBe("graphql");
    expect(placeOf("x", "file:///p/src/db/database.ts")).toBe("ours: src/db");
    expect(placeOf("x", "node:internal/streams/writable")).toBe("node (its own modules)");
    expect(placeOf("(garbage collector)", "")).toBe("V8: garbage collector");
  });

  it("counts self time inside the window only, as shares of the busy time", () => {
    // Samples at 1,100 … 1,800 µs; the window keeps those at 1,200 … 1,700: nodes 2 3 1 4 2 3.
    const summary = summarise(PROFILE, { from: 1_200, to: 1_700, top: 2 });
    // Six samples of 100 µs, one idle: 500 µs busy of 600.
    expect(summary.sampledMs).toBe(1);
    expect(summary.busyPercent).toBe(83.3);
    expect(summary.places).toEqual([
      { name: "graphql", percent: 40 },
      { name: "ours: src/services", percent: 40 },
      { name: "V8: garbage collector", percent: 20 },
    ]);
    expect(summary.frames).toEqual([
      { name: "execute", where: "graphql/execution/execute.js:10", percent: 40 },
      { name: "search", where: "src/services/search.service.ts:42", percent: 40 },
    ]);
  });
});
