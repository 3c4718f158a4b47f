import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { loadSeedSet, SeedLoadError } from "./load";
import { validateSeedSet } from "./validate";

const ROOT = path.resolve(__dirname, "../..");

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "seeds-load-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await writeFile(path.join(dir, file), content, "utf8");
}

const DOCUMENTS = JSON.stringify([
  { id: "doc-a", file: "doc-a.txt", title: "t", sha256: "0".repeat(64), language: "zh" },
]);

describe("loadSeedSet", () => {
  it("reads documents with their bytes and records in sorted file order with their file and index", async () => {
    await put("documents.json", DOCUMENTS);
    await put("documents/doc-a.txt", "双流县");
    await put("entities/places.json", JSON.stringify([{ id: "shuangliu" }, { id: "jinniu" }]));
    await put("entities/institutions.json", JSON.stringify([{ id: "uestc" }]));
    await put("entities/README.md", "not a record file");
    await put("relationships/a.json", JSON.stringify([{ source: "uestc" }]));

    const set = await loadSeedSet(dir);

    expect(set.documents.map(({ file, index }) => [file, index])).toEqual([["documents.json", 0]]);
    expect(Buffer.from(set.documents[0]?.bytes ?? []).toString("utf8")).toBe("双流县");
    expect(set.entities).toEqual([
      { file: "entities/institutions.json", index: 0, record: { id: "uestc" } },
      { file: "entities/places.json", index: 0, record: { id: "shuangliu" } },
      { file: "entities/places.json", index: 1, record: { id: "jinniu" } },
    ]);
    expect(set.relationships).toEqual([
      { file: "relationships/a.json", index: 0, record: { source: "uestc" } },
    ]);
  });

  it("treats a missing entities or relationships directory as empty", async () => {
    await put("documents.json", "[]");
    expect(await loadSeedSet(dir)).toEqual({ documents: [], entities: [], relationships: [] });
  });

  it("names the file, line and column of malformed JSON", async () => {
    await put("documents.json", "[]");
    await put("entities/a.json", '[\n  { "id": "uestc" }\n  { "id": "cdu" }\n]');
    const error: unknown = await loadSeedSet(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SeedLoadError);
    expect((error as Error).message).toBe(
      "entities/a.json: invalid JSON at line 3, column 3 (position 24): Expected ',' or ']' after array element",
    );
  });

  it("rejects a record file that is not an array", async () => {
    await put("documents.json", "[]");
    await put("relationships/a.json", '{ "source": "uestc" }');
    await expect(loadSeedSet(dir)).rejects.toThrow(
      "relationships/a.json: expected an array of records, got object",
    );
  });

  it("rejects a directory without documents.json", async () => {
    await expect(loadSeedSet(dir)).rejects.toThrow(`documents.json: not found in ${dir}`);
  });

  it("leaves a missing document file to the validator, which reports it", async () => {
    await put("documents.json", DOCUMENTS);
    const set = await loadSeedSet(dir);
    expect(set.documents[0]?.bytes).toBeUndefined();
    expect(validateSeedSet(set)).toEqual([
      {
        file: "documents.json",
        record: "doc-a",
        reason: "document file 'doc-a.txt' not found in documents/",
      },
    ]);
  });

  it("does not read a document file named by a path outside documents/", async () => {
    await put("documents.json", JSON.stringify([{ id: "doc-a", file: "../documents.json" }]));
    const set = await loadSeedSet(dir);
    expect(set.documents[0]?.bytes).toBeUndefined();
  });
});

describe("scripts/seeds-check.ts", () => {
  const tsx = createRequire(__filename).resolve("tsx/cli");
  const script = path.join(ROOT, "scripts", "seeds-check.ts");
  const run = (fixture: string) =>
    spawnSync(process.execPath, [tsx, script, path.join(ROOT, "test", "fixtures", fixture)], {
      encoding: "utf8",
    });

  it("prints the summary and exits 0 on a good seeds directory", () => {
    const result = run("seeds-good");
    expect(result.stdout).toBe(
      "seeds: OK — 1 documents, 4 entities, 0 relationships, 1 facts, 5 quotes verified\n",
    );
    expect(result.status).toBe(0);
  });

  it("prints each problem as file: record: reason and exits 1 on a bad seeds directory", () => {
    const result = run("seeds-bad");
    expect(result.stdout.split("\n")).toEqual([
      "entities/institutions.json: uestc: mentions[0]: quote '电子科技大学' is not at 7; found at 6 instead",
      `seeds: 1 problem in ${path.join(ROOT, "test", "fixtures", "seeds-bad")}`,
      "",
    ]);
    expect(result.status).toBe(1);
  });
});
