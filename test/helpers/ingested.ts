import { SECOND_DOCUMENT_DATE, SECOND_DOCUMENT_TEXT } from "../fixtures/documents/second-document";
import { as, newKey } from "./curation";
import { runCypher } from "./db";
import { gql, type Data } from "./server";

/**
 * Removes every ingested document with its passages, candidates and facts, the fixture entities
 * review made from them (named 测试…, as the fixtures are) and the name forms left with no entity:
 * the tests that ingest test/fixtures/documents leave the graph as the seeds made it.
 */
export async function removeIngested(): Promise<void> {
  await runCypher(
    `MATCH (d:Document {origin: 'ingested'})
     OPTIONAL MATCH (p:Passage {documentId: d.id})
     OPTIONAL MATCH (c:Candidate {documentId: d.id})
     OPTIONAL MATCH (f:Fact)-[:STATED_IN]->(p)
     DETACH DELETE d, p, c, f`,
  );
  await runCypher(`MATCH (n:Entity) WHERE n.name STARTS WITH '测试' DETACH DELETE n`);
  await runCypher(`MATCH (f:NameForm) WHERE NOT (f)--() DELETE f`);
}

/** The fixture institute the second document names, and review accepts. */
export const SECOND_DOCUMENT_INSTITUTE = "测试理工大学成都研究院";

type Candidate = {
  id: string;
  kind: string;
  name: string | null;
  type: string | null;
  source: { name: string } | null;
  target: { name: string } | null;
};

/**
 * Ingests the fixture second document (test/fixtures/documents/second-document.ts) through the
 * API as an editor and accepts, from its review queue, the institute 测试理工大学成都研究院, 双流县
 * CO_BUILT it and it FOCUSES_ON 新能源; with `restatedFact`, also its number as a new version of
 * that fact key. What it writes is removed by removeIngested.
 */
export async function reviewSecondDocument(
  url: string,
  options: { readonly restatedFact?: string } = {},
): Promise<{ documentId: string; instituteId: string }> {
  const ok = async (query: string, variables: Record<string, unknown>): Promise<Data> => {
    const response = await gql<Data>(url, query, variables, as("editor"));
    if (response.errors !== undefined) throw new Error(JSON.stringify(response.errors));
    return response.data as Data;
  };
  const ingested = await ok(
    `mutation ($file: ChainMapFileInput!, $meta: DocumentMetaInput!) {
      ingestDocument(file: $file, meta: $meta) { documentId } }`,
    {
      file: {
        name: "fixture-second.txt",
        contentBase64: Buffer.from(SECOND_DOCUMENT_TEXT).toString("base64"),
      },
      meta: { date: SECOND_DOCUMENT_DATE },
    },
  );
  const documentId = ingested.ingestDocument.documentId as string;
  const items = (
    await ok(
      `query ($document: ID!) { candidates(document: $document, status: pending, first: 100) {
        items { id kind name type source { name } target { name } } } }`,
      { document: documentId },
    )
  ).candidates.items as Candidate[];
  const accept = async (
    candidate: Candidate | undefined,
    edit: Record<string, unknown> | null = null,
  ): Promise<string> => {
    if (candidate === undefined) throw new Error("the second document's candidates changed");
    const accepted = await ok(
      `mutation ($id: ID!, $key: String!, $edit: CandidateEditInput) {
        acceptCandidate(id: $id, idempotencyKey: $key, edit: $edit) { status outcome } }`,
      { id: candidate.id, key: newKey(), edit },
    );
    return accepted.acceptCandidate.outcome as string;
  };
  const institute = SECOND_DOCUMENT_INSTITUTE;
  const instituteId = await accept(items.find((c) => c.kind === "entity" && c.name === institute));
  await accept(
    items.find(
      (c) => c.type === "CO_BUILT" && c.source?.name === "双流县" && c.target?.name === institute,
    ),
  );
  await accept(
    items.find(
      (c) => c.type === "FOCUSES_ON" && c.source?.name === institute && c.target?.name === "新能源",
    ),
  );
  if (options.restatedFact !== undefined) {
    await accept(
      items.find((c) => c.kind === "fact"),
      { factKey: options.restatedFact },
    );
  }
  return { documentId, instituteId };
}
