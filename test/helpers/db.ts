import neo4j, { type Record as Neo4jRecord } from "neo4j-driver";
import { boltUri, loadConfig } from "../../src/config";
import { queryLabel } from "../../src/db/cypher";
import type { Queries } from "../../src/db/database";

/**
 * Runs one Cypher statement against the test Neo4j with a short-lived driver: for fixtures and
 * clean-up that the public API does not (and should not) offer.
 */
export async function runCypher(
  query: string,
  params: Record<string, unknown> = {},
): Promise<Neo4jRecord[]> {
  const config = loadConfig({ ...process.env, NODE_ENV: "test" });
  const driver = neo4j.driver(
    boltUri(config),
    neo4j.auth.basic(config.neo4jUser, config.neo4jPassword),
  );
  try {
    const { records } = await driver.executeQuery(query, params, {
      database: config.neo4jDatabase,
    });
    return records;
  } finally {
    await driver.close();
  }
}

/** Removes the entities a test created, by id prefix. */
export async function deleteEntitiesWithPrefix(prefix: string): Promise<void> {
  await runCypher("MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n", { prefix });
}

/** Removes what seeding test/fixtures/seeds-curation wrote: its entities, document and passages. */
export async function deleteCurationFixture(): Promise<void> {
  await runCypher(
    `MATCH (n) WHERE n.id IN ['fixture-district', 'fixture-institute', 'fixture-curation-doc',
       'fixture-district|CO_BUILT|fixture-institute'] OR n.documentId = 'fixture-curation-doc'
     DETACH DELETE n`,
  );
}

/**
 * The database's queries, counted by name (a cypher/ file name, whatever its type or bound) as
 * they are asked: for tests that check which of several queries a repository chose.
 */
export function countingQueries(db: Queries): { queries: Queries; asked: Map<string, number> } {
  const asked = new Map<string, number>();
  const queries: Queries = {
    read: (name, params) => {
      asked.set(queryLabel(name), (asked.get(queryLabel(name)) ?? 0) + 1);
      return db.read(name, params);
    },
    write: (name, params) => db.write(name, params),
  };
  return { queries, asked };
}
