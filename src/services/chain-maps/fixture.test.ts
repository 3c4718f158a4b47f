import { describe, expect, it } from "vitest";

import {
  badWorkbook,
  fixtureCsv,
  fixtureData,
  fixtureWorkbook,
} from "../../../test/fixtures/chain-maps/build";
import { parseChainMap, parseChainMapCsv } from "./parse";

/** The test fixture (fictional data, test/fixtures/chain-maps/build.ts) against the parser. */
describe("chain-map fixtures", () => {
  it("parse with no problems to exactly the expected rows, default 3 × 20 × 200", async () => {
    const { bytes, expected } = await fixtureWorkbook();
    const result = await parseChainMap(bytes, "fixture.xlsx");
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
    const { fileName: _f, checksum: _c, ...rows } = result.map;
    expect(rows).toEqual(expected);
    // By hand, per industry: 20 segments, 200 organisations, 20 institutes (k ≡ 5 mod 10) each
    // focusing on the industry and 4 platforms (50, 100, 150, 200) belonging to its chain leader.
    expect([rows.sources, rows.segments, rows.members, rows.links].map((t) => t.length)).toEqual([
      3, 60, 600, 72,
    ]);
  });

  it("spells names, positions, parents and supplies as documented in the builder", () => {
    const { expected } = fixtureData();
    const segment = expected.segments.find((s) => s.name === "测试产业B-环节10");
    expect(segment).toMatchObject({
      industry: "测试产业B",
      parent: "测试产业B-环节09",
      position: "midstream",
      supplies: ["测试产业B-环节11"],
      at: { sheet: "segments", row: 31 },
    });
    const member = expected.members.find((m) => m.name === "测试企业A-042");
    expect(member).toMatchObject({
      kind: "Enterprise",
      role: "supplier",
      district: "测试区乙",
      segments: ["测试产业A-环节02", "测试产业A-环节03"],
      at: { sheet: "members", row: 43 },
    });
  });

  it("gives the same rows from its CSV form", () => {
    const { files, expected } = fixtureCsv({ industries: 2, segmentsPerIndustry: 7 });
    const result = parseChainMapCsv(files, "fixture");
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
    const { fileName: _f, checksum: _c, ...rows } = result.map;
    expect(rows).toEqual(expected);
  });

  it("scales to a bench's 100,000 member rows (data only here; the workbook streams)", () => {
    const { tables } = fixtureData({ membersPerIndustry: 33_334 });
    expect(tables.members).toHaveLength(100_002);
    expect(tables.members.at(-1)?.name).toBe("测试企业C-33334");
  });

  it("badWorkbook gives exactly its five expected problems", async () => {
    const { bytes, problems } = await badWorkbook();
    expect(problems.map((p) => p.column)).toEqual(["kind", "source", "segments", "name", "type"]);
    expect(await parseChainMap(bytes, "bad.xlsx")).toEqual({ ok: false, problems });
  });
});
