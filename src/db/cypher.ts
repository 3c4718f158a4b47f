import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Every Cypher query the service runs lives in `cypher/<name>.cypher`. This registry is the only
 * way to get query text, so no Cypher is assembled from strings at run time.
 */
export const QUERY_NAMES = [
  "ping",
  "seed-documents",
  "seed-passages",
  "seed-entities",
  "seed-name-forms",
  "seed-prune-name-forms",
  "seed-mentions",
  "seed-facts",
  "seed-relationships",
  "graph-nodes",
  "graph-relationships",
  "graph-counts",
  "entities-by-ids",
  "entity-details",
  "edge-evidence",
  "entities-by-name-keys",
  "relations-of",
  "expand",
  "neighborhood",
  "shortest-paths",
  "search-entities",
  "list-entities-asc",
  "list-entities-desc",
  "count-entities",
  "counts-by-kind",
  "counts-by-district",
  "counts-by-industry",
  "innovation-chain",
  "curation-find-mutation",
  "curation-record-mutation",
  "curation-entity-state",
  "curation-create-entity",
  "curation-update-entity",
  "curation-delete-entity",
  "curation-check-passage",
  "curation-attach-mention",
  "curation-ensure-passage",
  "curation-link",
  "curation-unlink",
  "curation-relationship",
  "curation-audit",
  "curation-history",
  "curation-tombstone",
  "curation-untombstone",
  "seed-state-read",
  "seed-state-write",
] as const;

export type QueryName = (typeof QUERY_NAMES)[number];

const cache = new Map<string, string>();

/** Finds the repository's `cypher/` folder from here, whether running from src/ or dist/src/. */
function cypherDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i += 1) {
    const candidate = path.join(dir, "cypher");
    if (existsSync(path.join(candidate, "schema.cypher"))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error("cypher/ folder not found above " + __dirname);
}

/** The text of a named query, read once. */
export function cypher(name: QueryName | "schema"): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const text = readFileSync(path.join(cypherDir(), `${name}.cypher`), "utf8");
  cache.set(name, text);
  return text;
}

/** Splits a multi-statement file (schema.cypher) into statements, dropping `//` comment lines. */
export function statements(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .split(";")
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
