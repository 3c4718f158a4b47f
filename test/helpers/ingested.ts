import { runCypher } from "./db";

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
