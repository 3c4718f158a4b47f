import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prettierJson } from "../../scripts/export";
import { startNeo4j, stopNeo4j, type Neo4jLogger } from "../../scripts/neo4j/manager";
import { loadConfig, type Config } from "../../src/config";
import { Database } from "../../src/db/database";
import { createServices } from "../../src/services";
import {
  backupTo,
  RestoreRefusedError,
  restoreFrom,
} from "../../src/services/backup/backup.service";
import { BackupFileError } from "../../src/services/backup/format";
import { parseChainMap } from "../../src/services/chain-maps/parse";
import { exportTo } from "../../src/services/export/export.service";
import { OPERATIONAL_LABELS } from "../../src/services/export/records";
import {
  applySchema,
  graphChecksum,
  seedFromDirectory,
  SEEDS_DIR,
} from "../../src/services/seeding";
import { fixtureData, workbookOf } from "../fixtures/chain-maps/build";
import { SECOND_DOCUMENT_DATE, SECOND_DOCUMENT_TEXT } from "../fixtures/documents/second-document";
import { runCypher } from "../helpers/db";
import { removeIngested } from "../helpers/ingested";
import { freePort } from "../helpers/ports";

// FIXTURE: what this file adds to the shared test database is fictional and named fixture-export…
// (a curated institute, a curator's link, an unlinked seed relationship, a small chain map under
// import set fixture-export); afterAll removes it and re-seeds, and checks the graph is as before.
// A second, fresh Neo4j in a temp folder on a free port receives the exports and restores.

const ROOT = path.resolve(__dirname, "../..");
const config = loadConfig({ ...process.env, NODE_ENV: "test" });
const quiet: Neo4jLogger = { info: () => undefined, error: () => undefined };
const editor = { id: "test:editor", roles: ["editor" as const], anonymous: false };
const KEY = "fixture-export";
const IMPORT_SET = "fixture-export";
const INSTITUTE = "fixture-export-institute";
const operational = { excludeLabels: OPERATIONAL_LABELS };

let main: Database;
let fresh: Database;
let freshConfig: Config;
let scratch: string;
let freshEnv: NodeJS.ProcessEnv;
let mainBefore: string;
let unlinked: { source: string; type: string; target: string };
let ingestedId = "";

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

async function emptyFresh(): Promise<void> {
  await fresh.maintenance("restore-clear");
}

/** Curated state and an import in the shared database, through the services as the API writes. */
async function addFixtures(): Promise<void> {
  const services = createServices(main, editor);
  const document = readFileSync(path.join(SEEDS_DIR, "documents/000_257febe6d92f7e6f.txt"), "utf8");
  const quote = "注册资本10亿元的成都技术转移集团";
  await services.curation.createEntity(
    {
      id: INSTITUTE,
      kind: "ResearchInstitute",
      name: "测试导出研究院",
      nameEn: "Fixture Export Institute",
      // A form the document has, so seeding would find mentions the graph never recorded.
      aliases: ["技术转移"],
    },
    { documentId: "000_257febe6d92f7e6f", start: document.indexOf(quote), quote },
    `${KEY}-create`,
  );
  await services.curation.link(
    { source: "shuangliu-county", type: "CO_BUILT", target: INSTITUTE },
    { note: "fixture: a curator's note, no quote", author: "fixture-curator" },
    `${KEY}-link`,
  );
  const [first] = JSON.parse(
    readFileSync(path.join(SEEDS_DIR, "relationships/policy.json"), "utf8"),
  ) as { source: string; type: string; target: string }[];
  if (first === undefined) throw new Error("seeds changed");
  unlinked = { source: first.source, type: first.type, target: first.target };
  await services.curation.unlink(
    unlinked.source,
    unlinked.type,
    unlinked.target,
    { note: "fixture: removed to test tombstones", author: "fixture-curator" },
    `${KEY}-unlink`,
  );
  const { tables } = fixtureData({ industries: 1, segmentsPerIndustry: 3, membersPerIndustry: 6 });
  const parsed = await parseChainMap(await workbookOf(tables), "fixture-export.xlsx");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
  const result = await services.chainMaps.apply(parsed.map, {
    importSet: IMPORT_SET,
    actor: editor.id,
  });
  expect(result.applied).toBe(true);

  // An ingested document (the fixture second document), partly reviewed.
  const ingested = await services.ingest.ingest({
    bytes: new TextEncoder().encode(SECOND_DOCUMENT_TEXT),
    fileName: "fixture-second.txt",
    date: SECOND_DOCUMENT_DATE,
    issuer: "测试机构",
  });
  ingestedId = ingested.documentId;
  const queue = await services.review.candidates({
    documentId: ingestedId,
    status: "pending",
    kind: null,
    minConfidence: 0,
    first: 100,
    after: null,
  });
  const find = (test: (c: (typeof queue.items)[number]) => boolean) =>
    queue.items.find(test)?.id ?? "";
  await services.review.accept(
    find((c) => c.name === "测试理工大学成都研究院"),
    {},
    `${KEY}-accept-institute`,
  );
  await services.review.accept(
    find((c) => c.type === "CO_BUILT" && c.source?.name === "双流县"),
    {},
    `${KEY}-accept-link`,
  );
  // The document restates the seed's countInChengdu (10) as 15: a second version of that fact.
  await services.review.accept(
    find((c) => c.kind === "fact"),
    { factKey: "countInChengdu" },
    `${KEY}-accept-fact`,
  );
  await services.review.reject(
    find((c) => c.type === "FOCUSES_ON"),
    "fixture: rejected",
  );
}

async function removeFixtures(): Promise<void> {
  await runCypher(`MATCH (s:Entity)-[r]->(t:Entity) WHERE r.importSet = $set DELETE r`, {
    set: IMPORT_SET,
  });
  await runCypher(`MATCH (n:Entity) WHERE n.importSet = $set OR n.id = $id DETACH DELETE n`, {
    set: IMPORT_SET,
    id: INSTITUTE,
  });
  await runCypher(`MATCH (i:ChainMapImport {importSet: $set}) DELETE i`, { set: IMPORT_SET });
  await removeIngested();
  await runCypher(`MATCH (f:NameForm) WHERE NOT (f)-[:NAMES]->() DELETE f`);
  await runCypher(
    `MATCH (n) WHERE (n:Audit AND n.idempotencyKey STARTS WITH $key)
       OR (n:MutationRecord AND n.key STARTS WITH $key)
     DETACH DELETE n`,
    { key: KEY },
  );
  if (unlinked !== undefined) {
    await runCypher(`MATCH (t:Tombstone {id: $id}) DELETE t`, {
      id: `${unlinked.source}|${unlinked.type}|${unlinked.target}`,
    });
  }
  // Seeding brings back the unlinked relationship, as the seeds have it.
  await seedFromDirectory(main, SEEDS_DIR);
}

beforeAll(async () => {
  main = Database.connect(config);
  await removeFixtures();
  mainBefore = await graphChecksum(main);
  scratch = mkdtempSync(path.join(tmpdir(), "kg-export-backup-"));
  const port = String(await freePort());
  freshEnv = {
    ...process.env,
    NEO4J_LOCAL_DIR: path.join(scratch, "neo4j"),
    NEO4J_BOLT_PORT: port,
  };
  delete freshEnv.NEO4J_URI;
  freshConfig = loadConfig({ ...freshEnv, NODE_ENV: "test" });
  await startNeo4j(freshConfig, { env: freshEnv, logger: quiet, projectRoot: ROOT });
  fresh = Database.connect(freshConfig);
}, 240_000);

afterAll(async () => {
  await fresh?.close();
  if (freshConfig !== undefined) await stopNeo4j(freshConfig, { env: freshEnv, logger: quiet });
  rmSync(scratch, { recursive: true, force: true });
  await removeFixtures();
  // Nothing this file did is left in the shared database.
  expect(await graphChecksum(main)).toBe(mainBefore);
  await main.close();
}, 120_000);

// Seeding and exporting take the fresh Neo4j some 10 s on a quiet 2-core machine and 30 s when it
// is busy (cold caches); the tests' bounds of 120 s only stop a hung run.
describe("export to seed files", () => {
  it("reproduces the committed seeds/ byte for byte from a freshly seeded graph", async () => {
    await applySchema(fresh);
    await seedFromDirectory(fresh, SEEDS_DIR);
    const out = path.join(scratch, "seeded-export");
    await exportTo(fresh, out, { reference: SEEDS_DIR, format: prettierJson });
    const committed = filesUnder(SEEDS_DIR).filter((file) => file !== "README.md");
    expect(filesUnder(out)).toEqual(committed);
    for (const file of committed) {
      expect(
        readFileSync(path.join(out, file)).equals(readFileSync(path.join(SEEDS_DIR, file))),
        file,
      ).toBe(true);
    }
    await emptyFresh();
  }, 120_000);

  it("seeds into an empty database as the same graph, with curated and imported state", async () => {
    await addFixtures();
    const out = path.join(scratch, "curated-export");
    // No reference: every record is rebuilt from the graph, none copied from seeds/.
    const summary = await exportTo(main, out);
    expect(summary.records).toBe(true);
    const records = JSON.parse(readFileSync(path.join(out, "records.json"), "utf8")) as Record<
      string,
      { id?: string; key?: string; importSet?: string; documentId?: string; status?: string }[]
    >;
    expect(records.tombstones?.map((t) => t.id)).toContain(
      `${unlinked.source}|${unlinked.type}|${unlinked.target}`,
    );
    expect(
      records.mutations
        ?.filter((m) => m.key?.startsWith(KEY))
        .map((m) => m.key)
        .sort(),
    ).toEqual([
      `${KEY}-accept-fact`,
      `${KEY}-accept-institute`,
      `${KEY}-accept-link`,
      `${KEY}-create`,
      `${KEY}-link`,
      `${KEY}-unlink`,
    ]);
    expect(records.chainMapImports?.filter((i) => i.importSet === IMPORT_SET)).toHaveLength(1);
    const reviewed = records.candidates?.filter((c) => c.documentId === ingestedId) ?? [];
    expect(reviewed.map((c) => c.status).sort()).toEqual([
      ...Array<string>(3).fill("accepted"),
      ...Array<string>(6).fill("pending"),
      "rejected",
    ]);
    const documents = JSON.parse(readFileSync(path.join(out, "documents.json"), "utf8")) as {
      id: string;
    }[];
    expect(documents.find((d) => d.id === ingestedId)).toMatchObject({
      file: `${ingestedId}.txt`,
      sourceFile: "fixture-second.txt",
      date: SECOND_DOCUMENT_DATE,
      issuer: "测试机构",
      origin: "ingested",
      format: "txt",
    });
    expect(readFileSync(path.join(out, "documents", `${ingestedId}.txt`), "utf8")).toBe(
      SECOND_DOCUMENT_TEXT,
    );
    const institutes = JSON.parse(
      readFileSync(path.join(out, "entities/institutions.json"), "utf8"),
    ) as {
      id: string;
      curated?: boolean;
      mentions: { attached?: boolean }[];
      automaticMentions?: unknown[];
    }[];
    const institute = institutes.find((entity) => entity.id === INSTITUTE);
    expect(institute).toMatchObject({
      curated: true,
      mentions: [{ attached: true }],
      automaticMentions: [],
    });

    // Both versions of the restated fact, each with its document, the first version first.
    const restated = institutes.find((entity) => entity.id === "new-type-research-institutes") as
      { facts?: { key: string; value: number; doc?: string }[] } | undefined;
    expect(
      restated?.facts
        ?.filter((fact) => fact.key === "countInChengdu")
        .map((fact) => [fact.value, fact.doc]),
    ).toEqual([
      [10, "000_257febe6d92f7e6f"],
      [15, ingestedId],
    ]);

    await applySchema(fresh);
    await seedFromDirectory(fresh, out);
    const graph = createServices(fresh, editor).graph;
    const reseeded = await graph.entity("new-type-research-institutes");
    if (reseeded === null) throw new Error("new-type-research-institutes not reseeded");
    expect(
      (await graph.facts(reseeded, true))
        .filter((fact) => fact.key === "countInChengdu")
        .map((fact) => [fact.value, fact.statedOn]),
    ).toEqual([
      [10, "2015-01-08"],
      [15, SECOND_DOCUMENT_DATE],
    ]);
    const expected = await graphChecksum(main, operational);
    expect(await graphChecksum(fresh, operational)).toBe(expected);
    // The checksum tells the two apart without the exclusion: only SeedState differs.
    expect(await graphChecksum(fresh)).not.toBe(await graphChecksum(main));
  }, 120_000);
});

describe("backup and restore", () => {
  let backup: string;

  it("restores a backup of the shared database into the fresh one with the same checksum", async () => {
    backup = path.join(scratch, "main.jsonl.gz");
    const header = await backupTo(main, backup);
    const mainChecksum = await graphChecksum(main);
    expect(header.checksum).toBe(mainChecksum);
    await expect(restoreFrom(fresh, backup)).rejects.toBeInstanceOf(RestoreRefusedError);
    const restored = await restoreFrom(fresh, backup, { force: true });
    expect(restored.counts).toEqual(header.counts);
    expect(await graphChecksum(fresh)).toBe(mainChecksum);
  });

  it("refuses a truncated, altered or newer-format backup and leaves the database unchanged", async () => {
    const before = await graphChecksum(fresh);
    const bytes = readFileSync(backup);
    const lines = gunzipSync(bytes).toString("utf8").split("\n");
    const truncated = path.join(scratch, "truncated.jsonl.gz");
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const header = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
    const newer = path.join(scratch, "newer.jsonl.gz");
    writeFileSync(
      newer,
      gzipSync([JSON.stringify({ ...header, version: 2 }), ...lines.slice(1)].join("\n")),
    );
    const altered = path.join(scratch, "altered.jsonl.gz");
    const changed = lines.map((line, i) =>
      i === 5 ? line.replace(/"props":\{/, '"props":{"x":"fixture",') : line,
    );
    writeFileSync(altered, gzipSync(changed.join("\n")));
    const copy = path.join(scratch, "copy.jsonl.gz");
    copyFileSync(backup, copy);

    await expect(restoreFrom(fresh, truncated, { force: true })).rejects.toThrow(
      /not a complete gzip file/,
    );
    await expect(restoreFrom(fresh, newer, { force: true })).rejects.toThrow(
      /backup format version 2; this restore reads version 1/,
    );
    await expect(restoreFrom(fresh, altered, { force: true })).rejects.toBeInstanceOf(
      BackupFileError,
    );
    expect(await graphChecksum(fresh)).toBe(before);
  });
});
