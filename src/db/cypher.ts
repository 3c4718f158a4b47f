import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { RELATION_TYPES } from "../model/vocabulary";

/**
 * Every Cypher query the service runs lives in `cypher/<name>.cypher`. This registry is the only
 * way to get query text, so no Cypher is assembled from strings at run time, with two exceptions,
 * both from closed sets: relationship types of the vocabulary put in place of `__TYPE__`, in a
 * typed query (see ForType) or in a block written out once per type (see expandTypeBlocks), and a
 * hop bound from 1 to MAX_HOPS in place of `__HOPS__` (see ForHops). A query may include a part
 * several share from `cypher/parts/` (see includeParts).
 */
export const QUERY_NAMES = [
  "ping",
  "seed-documents",
  "seed-passages",
  "seed-entities",
  "seed-name-forms",
  "seed-prune-name-forms",
  "seed-mentions",
  "seed-prune-mentions",
  "seed-facts",
  "seed-relationships",
  "graph-nodes",
  "graph-relationships",
  "graph-counts",
  "entities-by-ids",
  "entity-details",
  "edge-evidence",
  "edges-by-ids",
  "entity-degrees",
  "relation-counts",
  "documents-by-ids",
  "entities-by-name-keys",
  "entities-by-pinyin-prefix",
  "relations-of",
  "relations-of-hubs",
  "relation-keys-renamed",
  "relation-keys-backfill",
  "await-indexes",
  "expand",
  "neighborhood",
  "neighborhood-hubs",
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

/**
 * Queries written once for every relationship type: the file says `__TYPE__` where the type goes.
 * Neo4j uses a relationship property index only when the pattern names its type in the text (a
 * dynamic `$(type)` reads every relationship of the type instead), so these cannot take the type
 * as a parameter.
 */
export const TYPED_QUERY_NAMES = [
  "relations-by-type",
  "relation-sort-indexes",
  "list-links-asc",
  "list-links-desc",
] as const;

export type TypedQueryName = (typeof TYPED_QUERY_NAMES)[number];

/** A typed query for one relationship type, which must be one of the vocabulary's. */
export interface ForType {
  readonly query: TypedQueryName;
  readonly type: string;
}

/**
 * Queries whose variable-length pattern has its bound in the text (`__HOPS__`): Neo4j takes no
 * parameter there, and a bound applied as a filter afterwards lets a shortest-path search run to
 * the pattern's own bound.
 */
export const HOPS_QUERY_NAMES = ["shortest-paths"] as const;

/** The largest bound a query may be written with. */
export const MAX_HOPS = 6;

/** A query written with a hop bound from 1 to MAX_HOPS. */
export interface ForHops {
  readonly query: (typeof HOPS_QUERY_NAMES)[number];
  readonly hops: number;
}

/** A query of the registry: a plain one by name, a typed one, or one with a hop bound. */
export type QueryRef = QueryName | ForType | ForHops;

/** The name metrics and hooks see: the file's name, whatever the type (a bounded set of labels). */
export function queryLabel(ref: QueryRef): string {
  return typeof ref === "string" ? ref : ref.query;
}

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

/** The text of a query, read once; a typed one with its type, a bounded one with its bound. */
export function cypher(ref: QueryRef | "schema"): string {
  if (typeof ref === "string") return fileText(ref);
  const key = "type" in ref ? `${ref.query}|${ref.type}` : `${ref.query}|${ref.hops}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let text: string;
  // Only a name from the closed list, or a small whole number, reaches the text; never a
  // caller's string.
  if ("type" in ref) {
    if (!RELATION_TYPES.includes(ref.type))
      throw new Error(`unknown relationship type ${ref.type}`);
    text = fileText(ref.query).replaceAll("__TYPE__", ref.type);
  } else {
    if (!Number.isInteger(ref.hops) || ref.hops < 1 || ref.hops > MAX_HOPS)
      throw new Error(`hop bound ${String(ref.hops)} is not between 1 and ${MAX_HOPS}`);
    text = fileText(ref.query).replaceAll("__HOPS__", String(ref.hops));
  }
  cache.set(key, text);
  return text;
}

function fileText(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const source = includeParts(readFileSync(path.join(cypherDir(), `${name}.cypher`), "utf8"));
  const text = compact(expandTypeBlocks(source, RELATION_TYPES));
  cache.set(name, text);
  return text;
}

const INCLUDE = /^\s*\/\/#include ([a-z-]+)\s*$/;

/**
 * Puts the text of `cypher/parts/<name>.cypher` in place of each `//#include <name>` line: a
 * block several queries share (the links of a key, the filters of a list) is written once.
 */
export function includeParts(
  text: string,
  readPart: (name: string) => string = readPartFile,
): string {
  return text
    .split("\n")
    .map((line) => {
      const include = INCLUDE.exec(line);
      return include?.[1] === undefined ? line : readPart(include[1]);
    })
    .join("\n");
}

function readPartFile(name: string): string {
  return readFileSync(path.join(cypherDir(), "parts", `${name}.cypher`), "utf8");
}

const BLOCK_START = /^\s*\/\/#each-type(?: (.*))?$/;
const BLOCK_END = /^\s*\/\/#end-each-type\s*$/;

/**
 * Writes out the lines between `//#each-type` and `//#end-each-type` once per relationship type,
 * with the type in place of `__TYPE__`, joined by the text after `//#each-type` (a line break when
 * there is none). A query that must name every type in its text, for one index per type, is
 * written once in its file that way instead of 31 times.
 */
export function expandTypeBlocks(text: string, types: readonly string[]): string {
  const out: string[] = [];
  let block: { separator: string; lines: string[] } | null = null;
  for (const line of text.split("\n")) {
    const start = BLOCK_START.exec(line);
    if (start !== null) {
      if (block !== null) throw new Error("nested //#each-type block");
      block = { separator: start[1]?.trim() ?? "", lines: [] };
    } else if (BLOCK_END.test(line)) {
      if (block === null) throw new Error("//#end-each-type without //#each-type");
      const body = block.lines.join("\n");
      const separator = block.separator === "" ? "\n" : ` ${block.separator} `;
      out.push(types.map((type) => body.replaceAll("__TYPE__", type)).join(separator));
      block = null;
    } else if (block !== null) {
      block.lines.push(line);
    } else {
      out.push(line);
    }
  }
  if (block !== null) throw new Error("//#each-type block without //#end-each-type");
  return out.join("\n");
}

/**
 * The query without its comment lines, indentation and blank lines: the driver packs the text
 * into every request and Neo4j hashes it to find the cached plan, and the comments made up most
 * of some queries (packing query text was 7% of the API's CPU on nested relationship queries).
 * The files hold no multi-line string literal, which this would change.
 */
export function compact(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith("//"))
    .join("\n");
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
