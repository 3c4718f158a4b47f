import { graphql } from "graphql";
import { expect } from "vitest";
import { loadConfig } from "../../src/config";
import { Database } from "../../src/db/database";
import { createContext } from "../../src/graphql/context";
import { createSchema } from "../../src/graphql/schema";
import { createLogger } from "../../src/logger";

/**
 * Runs one operation against the schema in this process, with a fresh request context on the
 * test Neo4j (no HTTP): asserts it answered without errors and returns its data and the number of
 * database round trips it took.
 */
export async function runInProcess(
  source: string,
  variables?: Record<string, unknown>,
): Promise<{ trips: number; data: Record<string, unknown> }> {
  const config = loadConfig({ ...process.env, NODE_ENV: "test" });
  const db = Database.connect(config);
  try {
    const context = createContext(db, createLogger({ ...config, logLevel: "silent" }), "test");
    const result = await graphql({
      schema: await createSchema(),
      source,
      contextValue: context,
      variableValues: variables,
    });
    expect(result.errors).toBeUndefined();
    return { trips: context.counter.count, data: result.data as Record<string, unknown> };
  } finally {
    await db.close();
  }
}

type Row = Record<string, unknown>;

/** Every entity (of one kind, or all), with what `selection` asks on each, 100 a page. */
export async function everyEntity(selection: string, kind?: string): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | null = null;
  for (;;) {
    const { data } = await runInProcess(
      `query ($after: String, $kind: EntityKind) { entities(first: 100, after: $after, kind: $kind) {
        nodes { id ${selection} } pageInfo { hasNextPage endCursor } } }`,
      { after, kind },
    );
    const page = data.entities as {
      nodes: Row[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    rows.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return rows;
    after = page.pageInfo.endCursor;
  }
}
