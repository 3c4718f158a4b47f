import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SeedRepository } from "../../src/repositories/seed.repository";
import { createServices } from "../../src/services";
import { buildDocx, buildLongPdf, buildScannedPdf } from "../fixtures/documents/build";
import {
  SECOND_DOCUMENT_DATE,
  SECOND_DOCUMENT_LINES,
  SECOND_DOCUMENT_TEXT,
} from "../fixtures/documents/second-document";
import { AUTH_ENV, as, newKey } from "../helpers/curation";
import { runCypher } from "../helpers/db";
import { removeIngested } from "../helpers/ingested";
import { gql, startTestServer, type Data, type TestServer } from "../helpers/server";

// FIXTURE: every document ingested here is fictional test data (test/fixtures/documents: 测试理工大学
// …, 测试文件：…); what the tests write is removed after the file.

const INGEST = `mutation ($file: ChainMapFileInput!, $meta: DocumentMetaInput!, $dryRun: Boolean) {
  ingestDocument(file: $file, meta: $meta, dryRun: $dryRun) {
    documentId created sha256 format pages characters passages repeatedPassages mentions
    candidates { entity relationship fact } } }`;

const CANDIDATES = `query ($document: ID!, $status: CandidateStatus, $kind: CandidateKind, $first: Int, $after: String) {
  candidates(document: $document, status: $status, kind: $kind, first: $first, after: $after) {
    totalCount hasNextPage endCursor
    items { id kind status rule confidence quote start passage name entityKind type
      source { name entity { id } candidateId } target { name entity { id } candidateId }
      value unit label outcome reason } } }`;

const ACCEPT = `mutation ($id: ID!, $key: String!, $edit: CandidateEditInput) {
  acceptCandidate(id: $id, idempotencyKey: $key, edit: $edit) { id status outcome reviewedBy } }`;

let server: TestServer;

function file(name: string, bytes: Uint8Array) {
  return { name, contentBase64: Buffer.from(bytes).toString("base64") };
}

const txt = () => file("fixture-second.txt", new TextEncoder().encode(SECOND_DOCUMENT_TEXT));

async function editor(query: string, variables: Record<string, unknown> = {}) {
  return gql<Data>(server.url, query, variables, as("editor"));
}

async function ok(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const response = await editor(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data as Data;
}

async function checksum(): Promise<string> {
  return new SeedRepository(server.db).checksum();
}

type Candidate = {
  id: string;
  kind: string;
  name: string | null;
  type: string | null;
  quote: string;
  start: number;
  source: { name: string } | null;
  target: { name: string } | null;
  value: number | null;
};

async function allCandidates(documentId: string, status: string | null): Promise<Candidate[]> {
  const items: Candidate[] = [];
  let after: string | null = null;
  for (;;) {
    const data = await ok(CANDIDATES, { document: documentId, status, first: 3, after });
    items.push(...(data.candidates.items as Candidate[]));
    if (!data.candidates.hasNextPage) return items;
    after = data.candidates.endCursor as string;
  }
}

const byName = (items: Candidate[], kind: string, name: string) =>
  items.find((c) => c.kind === kind && c.name === name)?.id ?? "";
const link = (items: Candidate[], type: string, source: string, target: string) =>
  items.find((c) => c.type === type && c.source?.name === source && c.target?.name === target)
    ?.id ?? "";

beforeAll(async () => {
  server = await startTestServer(AUTH_ENV);
  await removeIngested();
});

afterAll(async () => {
  if (process.env.KEEP) return;
  await removeIngested();
  await server.stop();
});

describe("ingesting a document", () => {
  let documentId = "";

  // First, before any request: a keep-alive connection idle for as long as this takes (~5 s, the
  // server's keep-alive timeout) may be closed just as the next request reuses it.
  it("npm run ingest: a dry run prints the counts; a bad date exits with 2", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ingest-"));
    const target = path.join(dir, "fixture-second.txt");
    writeFileSync(target, SECOND_DOCUMENT_TEXT);
    const run = (args: string[]) =>
      spawnSync("npx", ["tsx", "scripts/ingest.ts", target, ...args], {
        encoding: "utf8",
        env: { ...process.env, NODE_ENV: "test" },
      });
    const dry = run(["--date", SECOND_DOCUMENT_DATE, "--dry-run"]);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain("candidates for review: 4 entities, 5 relationships, 1 facts");
    expect(dry.stdout).toContain("dry run: nothing written");
    const bad = run(["--date", "2016-13-01"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("date must be");
  });

  it("refuses a scanned PDF and an impossible date, and writes nothing", async () => {
    const before = await checksum();
    const scanned = await editor(INGEST, {
      file: file("scan.pdf", buildScannedPdf()),
      meta: { date: SECOND_DOCUMENT_DATE },
    });
    expect(scanned.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([
      ["BAD_USER_INPUT", "NO_TEXT_LAYER"],
    ]);
    expect(scanned.errors?.[0]?.message).toContain("run OCR first");
    for (const date of ["2016-02-30", "2016-6-30", "30/06/2016", ""]) {
      const response = await editor(INGEST, { file: txt(), meta: { date } });
      expect(response.errors?.map((e) => [e.extensions?.code, e.extensions?.argumentName])).toEqual(
        [["BAD_USER_INPUT", "date"]],
      );
    }
    expect(await checksum()).toBe(before);
  });

  it("a dry run counts and writes nothing", async () => {
    const before = await checksum();
    const data = await ok(INGEST, {
      file: txt(),
      meta: { date: SECOND_DOCUMENT_DATE },
      dryRun: true,
    });
    expect(data.ingestDocument).toMatchObject({
      created: false,
      format: "txt",
      passages: 5,
      candidates: { entity: 4, relationship: 5, fact: 1 },
    });
    expect(await checksum()).toBe(before);
  });

  it("stores the text, its mentions of known entities, and candidates for review", async () => {
    const data = await ok(INGEST, {
      file: txt(),
      meta: { date: SECOND_DOCUMENT_DATE, issuer: "测试机构" },
    });
    const result = data.ingestDocument;
    documentId = result.documentId as string;
    expect(result).toMatchObject({
      created: true,
      format: "txt",
      pages: null,
      characters: SECOND_DOCUMENT_TEXT.length,
      passages: 5,
      repeatedPassages: 0,
      candidates: { entity: 4, relationship: 5, fact: 1 },
    });
    expect(documentId).toBe(`doc-${String(result.sha256).slice(0, 16)}`);

    const [doc] = await runCypher(
      `MATCH (d:Document {id: $id}) RETURN d.text AS text, d.date AS date, d.issuer AS issuer,
         d.title AS title`,
      { id: documentId },
    );
    expect(doc?.get("text")).toBe(SECOND_DOCUMENT_TEXT);
    expect(doc?.get("date")).toBe(SECOND_DOCUMENT_DATE);
    expect(doc?.get("issuer")).toBe("测试机构");
    expect(doc?.get("title")).toBe(SECOND_DOCUMENT_LINES[0]);

    const mentioned = await runCypher(
      `MATCH (n:Entity)-[m:MENTIONED_IN {kind: 'automatic'}]->(p:Passage {documentId: $id})
       RETURN DISTINCT n.id AS id ORDER BY id`,
      { id: documentId },
    );
    expect(mentioned.map((r) => r.get("id"))).toEqual([
      "chengdu",
      "industry-new-energy",
      "jinjiang-district",
      "new-type-research-institutes",
      "shuangliu-county",
    ]);

    const items = await allCandidates(documentId, "pending");
    expect(items.filter((c) => c.kind === "entity").map((c) => c.name)).toEqual(
      expect.arrayContaining([
        "测试理工大学",
        "测试理工大学成都研究院",
        "测试农林大学",
        "测试农林大学成都研究院",
      ]),
    );
    expect(
      items
        .filter((c) => c.kind === "relationship")
        .map((c) => `${c.source?.name} ${c.type} ${c.target?.name}`)
        .sort(),
    ).toEqual([
      "双流县 CO_BUILT 测试理工大学成都研究院",
      "测试农林大学 CO_BUILT 测试农林大学成都研究院",
      "测试理工大学 CO_BUILT 测试理工大学成都研究院",
      "测试理工大学成都研究院 FOCUSES_ON 新能源",
      "锦江区 CO_BUILT 测试农林大学成都研究院",
    ]);
    expect(items.filter((c) => c.kind === "fact").map((c) => [c.source?.name, c.value])).toEqual([
      ["面向市场和产业发展的新型研究院", 15],
    ]);
    const listed = await ok(
      `{ documents { id title date issuer origin format pages characters pendingCandidates } }`,
    );
    expect(listed.documents).toContainEqual({
      id: documentId,
      title: SECOND_DOCUMENT_LINES[0],
      date: SECOND_DOCUMENT_DATE,
      issuer: "测试机构",
      origin: "ingested",
      format: "txt",
      pages: null,
      characters: SECOND_DOCUMENT_TEXT.length,
      pendingCandidates: 10,
    });
    expect(listed.documents.map((d: Data) => d.id)).toContain("000_257febe6d92f7e6f");

    for (const candidate of items)
      expect(
        SECOND_DOCUMENT_TEXT.slice(candidate.start, candidate.start + candidate.quote.length),
      ).toBe(candidate.quote);
  });

  it("the same text again, as .docx, is the same document and changes nothing", async () => {
    const before = await checksum();
    const data = await ok(INGEST, {
      file: file("fixture-second.docx", await buildDocx([...SECOND_DOCUMENT_LINES])),
      meta: { date: SECOND_DOCUMENT_DATE },
    });
    expect(data.ingestDocument).toMatchObject({ documentId, created: false, format: "docx" });
    expect(await checksum()).toBe(before);
  });

  it("review: accept, merge, reject and accept in bulk, each through the curation path", async () => {
    let items = await allCandidates(documentId, "pending");
    const institute = byName(items, "entity", "测试理工大学成都研究院");
    const shuangliu = link(items, "CO_BUILT", "双流县", "测试理工大学成都研究院");

    // A relationship waits for its new end.
    const early = await editor(ACCEPT, { id: shuangliu, key: newKey() });
    expect(early.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    expect(early.errors?.[0]?.message).toContain("accept or merge candidate");

    const key = newKey();
    const accepted = await ok(ACCEPT, { id: institute, key });
    expect(accepted.acceptCandidate).toMatchObject({
      status: "accepted",
      reviewedBy: expect.any(String),
    });
    const instituteId = accepted.acceptCandidate.outcome as string;
    const replay = await ok(ACCEPT, { id: institute, key });
    expect(replay.acceptCandidate.outcome).toBe(instituteId);
    const again = await editor(ACCEPT, { id: institute, key: newKey() });
    expect(again.errors?.map((e) => e.extensions?.code)).toEqual(["CONFLICT"]);

    const entity = await ok(
      `query ($id: ID!) { entity(id: $id) { kind name evidence { documentId quote } } }`,
      { id: instituteId },
    );
    expect(entity.entity).toEqual({
      kind: "ResearchInstitute",
      name: "测试理工大学成都研究院",
      evidence: [{ documentId, quote: "测试理工大学成都研究院" }],
    });

    const linked = await ok(ACCEPT, { id: shuangliu, key: newKey() });
    expect(linked.acceptCandidate.outcome).toBe(`shuangliu-county|CO_BUILT|${instituteId}`);
    const [rel] = await runCypher(
      `MATCH (:Entity {id: 'shuangliu-county'})-[r:CO_BUILT]->(:Entity {id: $id})
       RETURN r.quotes AS quotes, r.evidenceKind AS kind`,
      { id: instituteId },
    );
    expect(rel?.get("quotes")).toEqual(["双流县与测试理工大学共建测试理工大学成都研究院"]);
    expect(rel?.get("kind")).toBe("explicit");

    // The fact: a second value beside the seed's, each with its own quote.
    const fact = items.find((c) => c.kind === "fact")?.id ?? "";
    await ok(ACCEPT, { id: fact, key: newKey() });
    const facts = await ok(
      `{ entity(id: "new-type-research-institutes") { facts { value unit } } }`,
    );
    expect(facts.entity.facts.map((f: Data) => [f.value, f.unit]).sort()).toEqual([
      [10, "个"],
      [15, "个"],
    ]);

    const rejected = await ok(
      `mutation ($id: ID!) { rejectCandidate(id: $id, reason: "聚焦 is a plan, not yet a fact") { status reason } }`,
      { id: link(items, "FOCUSES_ON", "测试理工大学成都研究院", "新能源") },
    );
    expect(rejected.rejectCandidate).toEqual({
      status: "rejected",
      reason: "聚焦 is a plan, not yet a fact",
    });

    // The reviewer judges 测试农林大学 to be the university just accepted, under another name.
    const university = await ok(ACCEPT, {
      id: byName(items, "entity", "测试理工大学"),
      key: newKey(),
    });
    const universityId = university.acceptCandidate.outcome as string;
    const merged = await ok(
      `mutation ($id: ID!, $into: ID!, $key: String!) { mergeCandidate(id: $id, into: $into, idempotencyKey: $key) { status outcome } }`,
      { id: byName(items, "entity", "测试农林大学"), into: universityId, key: newKey() },
    );
    expect(merged.mergeCandidate).toEqual({ status: "merged", outcome: universityId });
    const resolved = await ok(`{ resolve(name: "测试农林大学") { id } }`);
    expect(resolved.resolve.map((e: Data) => e.id)).toEqual([universityId]);

    const bulk = await ok(
      `mutation ($document: ID!) { acceptCandidates(document: $document, minConfidence: 0.8) { accepted skipped { candidateId reason } } }`,
      { document: documentId },
    );
    expect(bulk.acceptCandidates).toEqual({ accepted: 4, skipped: [] });
    items = await allCandidates(documentId, "pending");
    expect(items).toEqual([]);
    const after = await ok(`{ documents { id pendingCandidates } }`);
    expect(after.documents).toContainEqual({ id: documentId, pendingCandidates: 0 });
    const links = await runCypher(
      `MATCH (s:Entity)-[r:CO_BUILT]->(t:Entity) WHERE t.name STARTS WITH '测试'
       RETURN s.name + ' ' + t.name AS link ORDER BY link`,
    );
    expect(links.map((r) => r.get("link"))).toEqual([
      "双流县 测试理工大学成都研究院",
      "测试理工大学 测试农林大学成都研究院",
      "测试理工大学 测试理工大学成都研究院",
      "锦江区 测试农林大学成都研究院",
    ]);
  });

  it("the 100-page PDF ingests whole", async () => {
    const services = createServices(server.db, {
      id: "test:editor",
      roles: ["editor"],
      anonymous: false,
    });
    const { bytes, pages } = buildLongPdf(100);
    const result = await services.ingest.ingest({
      bytes,
      fileName: "fixture-100-pages.pdf",
      date: SECOND_DOCUMENT_DATE,
    });
    expect(result).toMatchObject({ created: true, format: "pdf", pages: 100 });
    const [row] = await runCypher(`MATCH (d:Document {id: $id}) RETURN d.text AS text`, {
      id: result.documentId,
    });
    expect(row?.get("text")).toBe(pages.map((lines) => lines.join("\n")).join("\n"));
  });
});
