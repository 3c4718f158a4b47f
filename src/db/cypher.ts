import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { MAX_HOPS } from "../model/bounds";
import { BRIEF_LEAVES_OUT, NAMES_LEAVES_OUT, type LinkShape } from "../model/records";
import { ENTITY_KINDS, RELATION_TYPES } from "../model/vocabulary";

/**
 * Every Cypher query the service runs lives in `cypher/<name>.cypher`. This registry is the only
 * way to get query text, so no Cypher is assembled from strings at run time, with three
 * exceptions, all from closed sets: relationship types of the vocabulary put in place of
 * `__TYPE__`, in a typed query (see ForType) or in a block written out once per type; the
 * direction and shape of the links a typed query reads (see LinkRead) and the kinds, types,
 * directions and shapes of its read-ahead steps (see AheadStep); and a hop bound from 1 to
 * MAX_HOPS in place of `__HOPS__` (see ForHops).
 *
 * A file may hold these directives, each a line of its own starting with `//#`:
 *
 * - `//#include <part>`: the text of `cypher/parts/<part>.cypher` in its place, for a block
 *   several queries share (the links of a key, the filters of a list). Parts include no parts.
 * - `//#each-type [separator]` … `//#end-each-type`: the lines between, written out once per
 *   relationship type with the type in place of `__TYPE__`, joined by the separator (a line
 *   break when there is none).
 * - `//#each-ahead` … `//#end-each-ahead`: the lines between, written out once per read-ahead step
 *   of a typed query (ForType.ahead), with the step's `__AHEAD_INDEX__`, `__AHEAD_KIND__`,
 *   `__AHEAD_TYPE__`, `__AHEAD_LEFT__`, `__AHEAD_RIGHT__`, `__AHEAD_ENTITY__` and
 *   `__AHEAD_LINK__` (see eachAheadLines), joined by the separator after it (as each-type's);
 *   not at all when it has none.
 * - `//#with-ahead` … `//#end-with-ahead` and `//#without-ahead` … `//#end-without-ahead`: the
 *   lines between, written when a typed query has read-ahead steps (with) or has none (without).
 * - In a list query (ForList, or a typed one with ForType.list), blocks written only for the list
 *   they read (ListFilterText, ListPageText): `//#if-kind`, `//#if-name-contains`,
 *   `//#if-district` and `//#if-industry` … `//#end-if-…` when that filter is set;
 *   `//#if-sort-name`, `//#if-sort-pinyin` and `//#if-sort-id` for the sort field; `//#if-cursor`
 *   after a cursor; `//#with-total` and `//#without-total` when the page counts its total or
 *   not. A query without a list text refuses them, and a count (a ListFilterText alone) the
 *   page's.
 * - `//#uses <name>, <name>, …`: the first line of every part, and nowhere else: the variables
 *   the part reads from the query that includes it (`walk`, `key`), and the `$parameters` it
 *   reads (`$limit`), comma-separated (`//#uses walk, m, r, $limit, $edgeCap`; an empty list
 *   when it reads none).
 *
 * And one placeholder any query may use: `n __ENTITY__` is the projection of entity node `n` every
 * read returns (`n {.id, .kind, …}`), written once in `cypher/parts/entity-projection.cypher`, so
 * a field added there reaches every query that returns an entity. `n __BRIEF_ENTITY__` is the same
 * projection less the fields a brief record leaves out (BRIEF_LEAVES_OUT in src/model/records.ts),
 * marked `brief: true`; `n __NAMES_ENTITY__` less those a names record leaves out too
 * (NAMES_LEAVES_OUT), marked `brief: true, names: true`. Likewise `r __LINK__` is the projection
 * of a relationship every read of links returns (`cypher/parts/link-projection.cypher`), and
 * `r __BARE_LINK__` a bare link's, its id alone. A list query has `__LIST_LABEL__`, the label its
 * entities are looked up by (a kind of the vocabulary, or Entity), and a list page
 * `n __LIST_ENTITY__`, the projection of its tier (whole, brief or names). A typed query that
 * reads links (ForType.links) has the placeholders of their direction and shape filled:
 * `__KEY_LEFT__` and `__KEY_RIGHT__` (arrow heads, as the read-ahead's), `__KEY_SORT__` (the
 * sort-key property of that direction), `__KEY_ENTITY__` and `__KEY_LINK__` (the projections of
 * its shape).
 *
 * Loading a query (see expandQuery) refuses, with the file and line: a `//#` directive other
 * than these (`//#each-types` would otherwise be dropped as a comment); an include of a part
 * that does not exist, or of one without its `//#uses` line; an include before whose line the
 * query's code does not mention each variable the part uses (a textual check: it proves the
 * name is written above, not that it is in scope); and a `__X__` placeholder (`__[A-Z][A-Z_]*__`) left
 * in the code after the type and hop bound are put in (a leftover `__TYPE__` is a valid type name
 * that matches nothing).
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
  "seed-records",
  "seed-mutations",
  "graph-nodes",
  "graph-relationships",
  "graph-counts",
  "entities-by-ids",
  "entity-details",
  "edge-evidence",
  "edges-by-ids",
  "entity-degrees",
  "relation-counts",
  "relation-counts-hubs",
  "relation-counts-as-of",
  "documents-by-ids",
  "not-stated-by",
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
  "shortest-paths-hubs",
  "shortest-paths-level",
  "shortest-paths-records",
  "search-entities",
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
  "chain-map-entities",
  "chain-map-owned-entities",
  "chain-map-owned-relationships",
  "chain-map-existing-relationships",
  "chain-map-write-entities",
  "chain-map-write-relationships",
  "chain-map-remove-relationships",
  "chain-map-remove-entities",
  "chain-map-record-import",
  "chain-map-imports",
  "chain-map-read",
  "chain-map-industry-of",
  "backup-nodes",
  "backup-relationships",
  "graph-size",
  "neo4j-version",
  "restore-clear",
  "restore-nodes",
  "restore-relationships",
  "export-documents",
  "export-entities",
  "export-mentions",
  "export-facts",
  "export-relationships",
  "export-passages",
  "export-records",
  "ingest-document-by-sha",
  "ingest-known-names",
  "ingest-write-document",
  "ingest-write-candidates",
  "candidates-page",
  "candidates-by-ids",
  "candidate-review",
  "curation-add-fact",
  "documents-list",
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
  "shortest-paths-hub-links",
] as const;

export type TypedQueryName = (typeof TYPED_QUERY_NAMES)[number];

/** A typed query for one relationship type, which must be one of the vocabulary's. */
export interface ForType {
  readonly query: TypedQueryName;
  readonly type: string;
  /**
   * The links the query's keys read one level further, in order, each written into the text by
   * the file's `//#each-ahead` block (`key.nextLimits` holds their limits, in the same order);
   * none when undefined (the block vanishes).
   */
  readonly ahead?: readonly AheadStep[];
  /**
   * The direction and shape of the links the query's keys read, written into the text (only that
   * direction's index is sought; only that shape's projections are written); needed by a query
   * whose text reads links (its `__KEY_…__` placeholders).
   */
  readonly links?: LinkRead;
  /** For a typed list query (list-links-*): the list page its text is written for. */
  readonly list?: ListPageText;
}

/**
 * Queries written for one list's filters, and a page's sort field, cursor, total and tier
 * (ForList): a text that tests each filter against a null parameter, and chooses the sort key
 * and the projection at each row, is twice as long as one written for the page asked, and the
 * driver sends the whole text with every request (bench/RESULTS.md, "Texts written for what they
 * read").
 */
export const LIST_QUERY_NAMES = [
  "list-entities-asc",
  "list-entities-desc",
  "count-entities",
] as const;

export type ListQueryName = (typeof LIST_QUERY_NAMES)[number];

/** The filters of a list, as its text is written for them: which are set, and the label. */
export interface ListFilterText {
  /** The label the entities are looked up by: the kind asked for, of the vocabulary, or Entity. */
  readonly label: string;
  readonly kind: boolean;
  readonly nameContains: boolean;
  readonly district: boolean;
  readonly industry: boolean;
}

/** A list page, as its text is written for it: its filters, sort key, cursor, total and tier. */
export interface ListPageText extends ListFilterText {
  readonly sort: "name" | "pinyin" | "id";
  /** After a cursor: the page starts past its sort key and id. */
  readonly cursor: boolean;
  /** The page counts every entity the filters keep too (its totalCount). */
  readonly withTotal: boolean;
  /** The projection of the page's entities (EntityRecord.brief, .names). */
  readonly tier: EntityTier;
}

export type EntityTier = "whole" | "brief" | "names";

/** A list query for one list: the count by its filters, or a page of it. */
export type ForList =
  | { readonly query: "count-entities"; readonly list: ListFilterText }
  | {
      readonly query: Exclude<ListQueryName, "count-entities">;
      readonly list: ListPageText;
    };

/**
 * The links a typed query reads, as its text names them: in `direction` from each key's entity,
 * with the shape (LinkShape) its projections take. Keys that differ in either are read by texts of
 * their own: a text written for one direction seeks one index instead of both, and one written for
 * one shape is shorter than one choosing among all three at each row. The driver sends the whole
 * text with every request, in writes of 1,400 bytes, so its length costs every request
 * (bench/RESULTS.md, "Texts written for what they read").
 */
export interface LinkRead extends LinkShape {
  readonly direction: "OUT" | "IN";
}

/**
 * A link read one level further, as a typed query's text names it: from entities of `kind`, of
 * relationship `type`, in `direction`, in its shape (LinkShape). Neo4j follows a type written in the text through the
 * entity's own chain of that type; a type given as a parameter (`$(next.type)`) walks all of the
 * entity's relationships to find it (bench/RESULTS.md, "Reading ahead with its types in the text").
 */
export interface AheadStep extends LinkShape {
  readonly kind: string;
  readonly type: string;
  readonly direction: "OUT" | "IN";
}

/**
 * How many texts with read-ahead steps, or written for a list, are kept: each distinct selection
 * or list a client asks for makes one (their number is bounded by the queries clients write, or
 * by the product of the list's choices, not by the vocabulary alone), so the oldest is let go
 * past this.
 */
const VARIANT_TEXTS_KEPT = 500;

/**
 * Queries whose variable-length pattern has its bound in the text (`__HOPS__`): Neo4j takes no
 * parameter there, and a bound applied as a filter afterwards lets a shortest-path search run to
 * the pattern's own bound.
 */
export const HOPS_QUERY_NAMES = ["shortest-paths"] as const;

/** A query written with a hop bound from 1 to MAX_HOPS. */
export interface ForHops {
  readonly query: (typeof HOPS_QUERY_NAMES)[number];
  readonly hops: number;
}

/** A query of the registry: a plain one by name, a typed one, a list one, or one with a hop bound. */
export type QueryRef = QueryName | ForType | ForList | ForHops;

/** The name metrics and hooks see: the file's name, whatever the type (a bounded set of labels). */
export function queryLabel(ref: QueryRef): string {
  return typeof ref === "string" ? ref : ref.query;
}

const fileCache = new Map<string, string | undefined>();
const cache = new Map<string, string>();
/** The texts with read-ahead steps or for a list, oldest first (at most VARIANT_TEXTS_KEPT). */
const variantTexts = new Map<string, string>();

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

/** A file of cypher/ by its path there, read once; undefined when there is none. */
function readCypherFile(relative: string): string | undefined {
  if (fileCache.has(relative)) return fileCache.get(relative);
  const file = path.join(cypherDir(), relative);
  const text = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  fileCache.set(relative, text);
  return text;
}

/** The text of a query, read and checked once; a typed one with its type, a bounded one with its bound. */
export function cypher(ref: QueryRef | "schema"): string {
  const key = textKey(ref);
  const variant = isVariant(ref);
  const cached = variant ? variantTexts.get(key) : cache.get(key);
  if (cached !== undefined) return cached;
  const name = typeof ref === "string" ? ref : ref.query;
  const source = readCypherFile(`${name}.cypher`);
  if (source === undefined) throw new Error(`cypher/${name}.cypher not found`);
  const text = compact(
    expandQuery(
      `cypher/${name}.cypher`,
      source,
      (part) => readCypherFile(`parts/${part}.cypher`),
      fillOf(ref),
    ),
  );
  if (variant) {
    variantTexts.set(key, text);
    const oldest = variantTexts.keys().next().value;
    if (variantTexts.size > VARIANT_TEXTS_KEPT && oldest !== undefined) variantTexts.delete(oldest);
  } else {
    cache.set(key, text);
  }
  return text;
}

/** A text of many possible ones (with read-ahead steps, or for a list), kept in the bounded map. */
function isVariant(ref: QueryRef | "schema"): boolean {
  if (typeof ref === "string") return false;
  if ("list" in ref && ref.list !== undefined) return true;
  return "type" in ref && (ref.ahead ?? []).length > 0;
}

/**
 * What a ref writes into its text, checked first: only a name from the closed lists, a small
 * whole number or a boolean reaches the text, never a caller's string.
 */
function fillOf(ref: QueryRef | "schema"): Fill {
  if (typeof ref === "string") return {};
  if ("hops" in ref) {
    if (!Number.isInteger(ref.hops) || ref.hops < 1 || ref.hops > MAX_HOPS)
      throw new Error(`hop bound ${String(ref.hops)} is not between 1 and ${MAX_HOPS}`);
    return { hops: ref.hops };
  }
  const list = ref.list === undefined ? {} : { list: checkList(ref.list) };
  if (!("type" in ref)) return list;
  if (!RELATION_TYPES.includes(ref.type)) throw new Error(`unknown relationship type ${ref.type}`);
  const ahead = ref.ahead ?? [];
  for (const step of ahead) checkAheadStep(step);
  if (ref.links !== undefined) checkDirection(ref.links.direction);
  return {
    type: ref.type,
    ahead,
    ...(ref.links === undefined ? {} : { links: ref.links }),
    ...list,
  };
}

/**
 * What makes a query's text: its name, and a typed one's type and read-ahead steps, a list one's
 * list, or a bounded one's bound. Refs with the same key are the same text (keys of a batch read
 * by one query).
 */
export function textKey(ref: QueryRef | "schema"): string {
  if (typeof ref === "string") return ref;
  if ("hops" in ref) return `${ref.query}|${ref.hops}`;
  const list = ref.list === undefined ? "" : `|${listKey(ref.list)}`;
  if (!("type" in ref)) return `${ref.query}${list}`;
  const links = ref.links === undefined ? "" : `|${ref.links.direction}:${shapeKey(ref.links)}`;
  const steps = (ref.ahead ?? []).map(
    (step) => `|${step.kind}:${step.type}:${step.direction}:${shapeKey(step)}`,
  );
  return `${ref.query}|${ref.type}${list}${links}${steps.join("")}`;
}

/**
 * A list text as a text key names it: its label, the blocks it writes and a page's tier
 * (`University:if-district:if-sort-name:without-total:names`).
 */
function listKey(list: ListFilterText | ListPageText): string {
  const written = Object.entries(listConditions(list))
    .filter(([, write]) => write)
    .map(([name]) => name);
  const tier = "tier" in list ? [list.tier] : [];
  return [list.label, ...written, ...tier].join(":");
}

/** A list text's label, sort field and tier, checked against their closed sets. */
function checkList<T extends ListFilterText | ListPageText>(list: T): T {
  if (list.label !== "Entity" && !(ENTITY_KINDS as readonly string[]).includes(list.label))
    throw new Error(`unknown entity kind ${list.label}`);
  if ("sort" in list && !(SORT_FIELDS as readonly string[]).includes(list.sort))
    throw new Error(`unknown sort field ${String(list.sort)}`);
  if ("tier" in list && !(ENTITY_TIERS as readonly string[]).includes(list.tier))
    throw new Error(`unknown entity tier ${String(list.tier)}`);
  return list;
}

const SORT_FIELDS = ["name", "pinyin", "id"] as const satisfies readonly ListPageText["sort"][];
const ENTITY_TIERS = ["whole", "brief", "names"] as const satisfies readonly EntityTier[];

/**
 * The list blocks (`//#if-…`, `//#with-total`, `//#without-total`) a list text writes, by
 * directive name: the filter's for any list, the page's only for a page.
 */
function listConditions(list: ListFilterText | ListPageText): Partial<Record<ListBlock, boolean>> {
  const filter = {
    "if-kind": list.kind,
    "if-name-contains": list.nameContains,
    "if-district": list.district,
    "if-industry": list.industry,
  };
  if (!("sort" in list)) return filter;
  return {
    ...filter,
    "if-sort-name": list.sort === "name",
    "if-sort-pinyin": list.sort === "pinyin",
    "if-sort-id": list.sort === "id",
    "if-cursor": list.cursor,
    "with-total": list.withTotal,
    "without-total": !list.withTotal,
  };
}

/** The blocks a list text decides (listConditions). */
const LIST_BLOCKS = [
  "if-kind",
  "if-name-contains",
  "if-district",
  "if-industry",
  "if-sort-name",
  "if-sort-pinyin",
  "if-sort-id",
  "if-cursor",
  "with-total",
  "without-total",
] as const;
type ListBlock = (typeof LIST_BLOCKS)[number];

/** A shape as a text key names it: its entity tier and its links' (`names.bare`, `whole.full`). */
function shapeKey(shape: LinkShape): string {
  return `${entityTier(shape)}.${shape.bare ? "bare" : "full"}`;
}

/** The tier of a shape's entities (a list page's reading, ListPageQuery, is one too). */
export function entityTier(shape: Pick<LinkShape, "brief" | "names">): EntityTier {
  if (shape.names) return "names";
  return shape.brief ? "brief" : "whole";
}

function checkDirection(direction: string): void {
  if (direction !== "OUT" && direction !== "IN")
    throw new Error(`unknown direction ${String(direction)}`);
}

function checkAheadStep(step: AheadStep): void {
  if (!(ENTITY_KINDS as readonly string[]).includes(step.kind))
    throw new Error(`unknown entity kind ${step.kind}`);
  if (!RELATION_TYPES.includes(step.type))
    throw new Error(`unknown relationship type ${step.type}`);
  checkDirection(step.direction);
}

/**
 * What a query is written with in place of its placeholders: a type and the steps of its
 * `//#each-ahead` block, a hop bound, or neither.
 */
export interface Fill {
  readonly type?: string;
  readonly hops?: number;
  readonly ahead?: readonly AheadStep[];
  readonly links?: LinkRead;
  readonly list?: ListFilterText | ListPageText;
}

/** The parts a query may include, by name: a map (in tests) or a reader (undefined: no such part). */
export type PartSource = Readonly<Record<string, string>> | ((name: string) => string | undefined);

/** A line of an expanded query, with where it was written (file:line, and the include that brought it). */
interface SourceLine {
  readonly text: string;
  readonly at: string;
}

const DIRECTIVE = /^\s*\/\/#(\S*)\s*(.*?)\s*$/;
const DIRECTIVES = [
  "include",
  "each-type",
  "end-each-type",
  "each-ahead",
  "end-each-ahead",
  "with-ahead",
  "end-with-ahead",
  "without-ahead",
  "end-without-ahead",
  ...LIST_BLOCKS.flatMap((block) => [block, `end-${block}`] as const),
  "uses",
] as const;
type DirectiveName = (typeof DIRECTIVES)[number];
const PART_NAME = /^[a-z][a-z0-9-]*$/;
const VARIABLE = /^\$?[A-Za-z_][A-Za-z0-9_]*$/;
const PLACEHOLDER = /__[A-Z][A-Z_]*__/;

/**
 * The text of a query file, expanded and checked: its `//#include` lines replaced by their parts,
 * its `//#each-type` blocks written out once per type of `types`, its `//#each-ahead` blocks once
 * per step of `fill.ahead`, `__TYPE__` and `__HOPS__` filled from `fill`. Throws, naming the file
 * and line, on an unknown `//#` directive, an include of a part that does not exist, a part that does not start with `//#uses` or whose variables the query
 * does not bind before the include, and a `__X__` placeholder left in the query's text. The text
 * is returned with its comments (see compact); `file` is only for the errors.
 */
export function expandQuery(
  file: string,
  text: string,
  parts: PartSource,
  fill: Fill = {},
  types: readonly string[] = RELATION_TYPES,
): string {
  const readPart =
    typeof parts === "function" ? parts : (name: string): string | undefined => parts[name];
  const projection = {
    entity: projectionOf(readPart, ENTITY_PROJECTION_PART),
    link: projectionOf(readPart, LINK_PROJECTION_PART),
  };
  const ahead = fill.ahead ?? [];
  const stepped = eachAheadLines(eachTypeLines(includeLines(file, text, readPart), types), ahead);
  const lines = whenLines(stepped, ahead.length > 0, fill.list).map((line) => ({
    at: line.at,
    text: fillPlaceholders(line.text, fill, projection),
  }));
  for (const line of lines) {
    if (line.text.trim().startsWith("//")) continue;
    const left = PLACEHOLDER.exec(line.text);
    if (left !== null)
      throw new Error(
        `${line.at}: placeholder ${left[0]} left in the query (nothing fills it here)`,
      );
  }
  return lines.map((line) => line.text).join("\n");
}

/** The part an entity's projection is written in, and the placeholders that stand for it. */
const ENTITY_PROJECTION_PART = "entity-projection";
const ENTITY_PLACEHOLDER = "__ENTITY__";
const BRIEF_ENTITY_PLACEHOLDER = "__BRIEF_ENTITY__";
const NAMES_ENTITY_PLACEHOLDER = "__NAMES_ENTITY__";
/** The part a relationship's projection is written in, and the placeholders for it and a bare one. */
const LINK_PROJECTION_PART = "link-projection";
const LINK_PLACEHOLDER = "__LINK__";
const BARE_LINK_PLACEHOLDER = "__BARE_LINK__";
/** A bare link's projection: its id alone (the links' other fields are BARE_LEAVES_OUT). */
const BARE_LINK_PROJECTION = "{.id}";

/** An entity projection (`{.id, .kind, …}`) less the fields of BRIEF_LEAVES_OUT, marked brief. */
function briefProjection(projection: string): string {
  return lessProjection(projection, BRIEF_LEAVES_OUT, ["brief: true"]);
}

/** An entity projection less BRIEF_LEAVES_OUT and NAMES_LEAVES_OUT, marked brief and names. */
function namesProjection(projection: string): string {
  return lessProjection(
    projection,
    [...BRIEF_LEAVES_OUT, ...NAMES_LEAVES_OUT],
    ["brief: true", "names: true"],
  );
}

function lessProjection(
  projection: string,
  leftOut: readonly string[],
  marks: readonly string[],
): string {
  const left: ReadonlySet<string> = new Set(leftOut.map((field) => `.${field}`));
  const fields = projection
    .trim()
    .replace(/^\{|\}$/g, "")
    .split(",")
    .map((field) => field.trim())
    .filter((field) => !left.has(field));
  return `{${[...fields, ...marks].join(", ")}}`;
}

/**
 * The map projection of a projection part (cypher/parts/entity-projection.cypher or
 * link-projection.cypher: its code lines, joined); undefined when there is no such part, and then
 * a query's placeholder for it is refused as a leftover.
 */
function projectionOf(
  readPart: (name: string) => string | undefined,
  part: string,
): string | undefined {
  const text = readPart(part);
  if (text === undefined) return undefined;
  return compact(text);
}

interface Projections {
  readonly entity: string | undefined;
  readonly link: string | undefined;
}

/** The placeholder of an entity projection for a shape's tier (whole, brief or names). */
function entityPlaceholder(tier: EntityTier): string {
  if (tier === "names") return NAMES_ENTITY_PLACEHOLDER;
  return tier === "brief" ? BRIEF_ENTITY_PLACEHOLDER : ENTITY_PLACEHOLDER;
}

function linkPlaceholder(shape: LinkShape): string {
  return shape.bare ? BARE_LINK_PLACEHOLDER : LINK_PLACEHOLDER;
}

/**
 * The placeholders of the links a typed query reads (ForType.links): `()__KEY_LEFT__-[r]-
 * __KEY_RIGHT__(m)` is the pattern from the key's entity to the other end, `<` on the left for IN,
 * `>` on the right for OUT; `__KEY_SORT__` the property of that direction's sort-key index.
 */
function fillLinks(text: string, links: LinkRead): string {
  return text
    .replaceAll("__KEY_LEFT__", links.direction === "IN" ? "<" : "")
    .replaceAll("__KEY_RIGHT__", links.direction === "OUT" ? ">" : "")
    .replaceAll("__KEY_SORT__", links.direction === "OUT" ? "outKey" : "inKey")
    .replaceAll("__KEY_ENTITY__", entityPlaceholder(entityTier(links)))
    .replaceAll("__KEY_LINK__", linkPlaceholder(links));
}

/**
 * The placeholders of a list query: `__LIST_LABEL__`, the label its entities are looked up by, and
 * for a page `__LIST_ENTITY__`, the projection placeholder of its tier.
 */
function fillList(text: string, list: ListFilterText | ListPageText): string {
  const out = text.replaceAll("__LIST_LABEL__", list.label);
  return "tier" in list ? out.replaceAll("__LIST_ENTITY__", entityPlaceholder(list.tier)) : out;
}

function fillPlaceholders(text: string, fill: Fill, projection: Projections): string {
  let out = text;
  const code = !text.trim().startsWith("//");
  if (code && fill.links !== undefined) out = fillLinks(out, fill.links);
  if (code && fill.list !== undefined) out = fillList(out, fill.list);
  if (code && projection.entity !== undefined) {
    out = out
      .replaceAll(NAMES_ENTITY_PLACEHOLDER, namesProjection(projection.entity))
      .replaceAll(BRIEF_ENTITY_PLACEHOLDER, briefProjection(projection.entity))
      .replaceAll(ENTITY_PLACEHOLDER, projection.entity);
  }
  if (code && projection.link !== undefined) {
    out = out
      .replaceAll(BARE_LINK_PLACEHOLDER, BARE_LINK_PROJECTION)
      .replaceAll(LINK_PLACEHOLDER, projection.link);
  }
  if (fill.type !== undefined) out = out.replaceAll("__TYPE__", fill.type);
  if (fill.hops !== undefined) out = out.replaceAll("__HOPS__", String(fill.hops));
  return out;
}

function sourceLines(file: string, text: string): SourceLine[] {
  return text.split("\n").map((line, index) => ({ text: line, at: `${file}:${index + 1}` }));
}

/** The directive a line holds (a line starting with `//#`), or null; an unknown one throws. */
function directiveOf(line: SourceLine): { name: DirectiveName; arg: string } | null {
  const match = DIRECTIVE.exec(line.text);
  if (match === null) return null;
  const name = match[1] ?? "";
  const arg = match[2] ?? "";
  if (!(DIRECTIVES as readonly string[]).includes(name))
    throw new Error(
      `${line.at}: unknown directive //#${name} (known: ${DIRECTIVES.map((d) => "//#" + d).join(", ")})`,
    );
  return { name: name as DirectiveName, arg };
}

/**
 * Puts the text of part `<name>` in place of each `//#include <name>` line, after checking that
 * the part exists and that every variable its `//#uses` line declares appears in the query's
 * code (comment lines aside, parts included above counted) before the include: a textual check, which a variable of the same
 * name bound elsewhere would also pass, but which catches a part included where its variables
 * are not in scope at all. `$parameters` in `//#uses` are not checked against the text: the
 * driver call binds them, and the EXPLAIN test (test/integration/cypher-plans.int.test.ts)
 * fails a query run without one.
 */
function includeLines(
  file: string,
  text: string,
  readPart: (name: string) => string | undefined,
): SourceLine[] {
  const out: SourceLine[] = [];
  for (const line of sourceLines(file, text)) {
    const directive = directiveOf(line);
    if (directive?.name === "uses")
      throw new Error(`${line.at}: //#uses belongs on the first line of a part, not in a query`);
    if (directive?.name.startsWith("end-") === true && directive.arg !== "")
      throw new Error(`${line.at}: //#${directive.name} takes nothing after it`);
    if (directive?.name !== "include") {
      out.push(line);
      continue;
    }
    const name = directive.arg;
    if (!PART_NAME.test(name))
      throw new Error(`${line.at}: //#include takes one part name, not "${name}"`);
    const partFile = `cypher/parts/${name}.cypher`;
    const partText = readPart(name);
    if (partText === undefined) throw new Error(`${line.at}: //#include ${name}: no ${partFile}`);
    const [first, ...body] = sourceLines(partFile, partText);
    const uses = first === undefined ? null : directiveOf(first);
    if (first === undefined || uses?.name !== "uses")
      throw new Error(
        `${partFile}:1: a part starts with //#uses and the variables and $parameters it takes from the query that includes it`,
      );
    const declared = uses.arg
      .split(",")
      .map((variable) => variable.trim())
      .filter((variable) => variable.length > 0);
    for (const variable of declared)
      if (!VARIABLE.test(variable))
        throw new Error(`${first.at}: //#uses lists names like walk or $limit, not "${variable}"`);
    // The query as expanded so far: its own lines above and the parts they included.
    const before = out
      .filter((earlier) => !earlier.text.trim().startsWith("//"))
      .map((earlier) => earlier.text)
      .join("\n");
    const unbound = declared.filter(
      (variable) =>
        !variable.startsWith("$") && !new RegExp(`(?<![\\w$.])${variable}(?!\\w)`).test(before),
    );
    if (unbound.length > 0)
      throw new Error(
        `${line.at}: //#include ${name} uses ${unbound.join(", ")} (${first.at}), which the query does not bind before this line`,
      );
    for (const partLine of body) {
      const inner = directiveOf(partLine);
      if (inner?.name === "include" || inner?.name === "uses")
        throw new Error(
          `${partLine.at}: //#${inner.name} in a part (parts do not include parts, and declare //#uses on their first line only)`,
        );
      out.push({ text: partLine.text, at: `${partLine.at} (included at ${line.at})` });
    }
  }
  return out;
}

/**
 * Writes out the lines between `//#each-type` and `//#end-each-type` once per relationship type,
 * with the type in place of `__TYPE__`, joined by the text after `//#each-type` (a line break when
 * there is none). A query that must name every type in its text, for one index per type, is
 * written once in its file that way instead of 31 times.
 */
export function expandTypeBlocks(text: string, types: readonly string[]): string {
  return eachTypeLines(sourceLines("(text)", text), types)
    .map((line) => line.text)
    .join("\n");
}

function eachTypeLines(lines: readonly SourceLine[], types: readonly string[]): SourceLine[] {
  return blockLines(lines, "each-type", types, (body, type) => body.replaceAll("__TYPE__", type));
}

/**
 * Writes out the lines between `//#each-ahead` and `//#end-each-ahead` once per read-ahead step
 * (ForType.ahead; none when there are none), with its place in that order in place of
 * `__AHEAD_INDEX__`, its kind of `__AHEAD_KIND__`, its type of `__AHEAD_TYPE__`, its direction
 * as the arrow heads of a pattern written `(m)__AHEAD_LEFT__-[r:__AHEAD_TYPE__]-__AHEAD_RIGHT__(o)`:
 * `<` on the left for IN, `>` on the right for OUT; and its shape as the projections
 * `__AHEAD_ENTITY__` (an entity's, of its tier) and `__AHEAD_LINK__` (a link's, bare or not).
 */
function eachAheadLines(lines: readonly SourceLine[], ahead: readonly AheadStep[]): SourceLine[] {
  return blockLines(lines, "each-ahead", ahead, (body, step, index) =>
    body
      .replaceAll("__AHEAD_INDEX__", String(index))
      .replaceAll("__AHEAD_KIND__", step.kind)
      .replaceAll("__AHEAD_TYPE__", step.type)
      .replaceAll("__AHEAD_LEFT__", step.direction === "IN" ? "<" : "")
      .replaceAll("__AHEAD_RIGHT__", step.direction === "OUT" ? ">" : "")
      .replaceAll("__AHEAD_ENTITY__", entityPlaceholder(entityTier(step)))
      .replaceAll("__AHEAD_LINK__", linkPlaceholder(step)),
  );
}

/**
 * The lines of `//#with-ahead` blocks when there are read-ahead steps, of `//#without-ahead` ones
 * when not; and of each list block a list text writes (listConditions). A list block the text
 * does not decide (no list text, or a count's for a page's block) is refused, naming its line.
 */
function whenLines(
  lines: readonly SourceLine[],
  hasSteps: boolean,
  list: ListFilterText | ListPageText | undefined,
): SourceLine[] {
  const decided = list === undefined ? {} : listConditions(list);
  for (const line of lines) {
    const block = directiveOf(line)?.name.replace(/^end-/, "");
    if (block !== undefined && isListBlock(block) && decided[block] === undefined)
      throw new Error(
        `${line.at}: //#${block} in a query written without a list ${list === undefined ? "text (ForList, ForType.list)" : "page (ListPageText)"}`,
      );
  }
  const once = (write: boolean): readonly true[] => (write ? [true] : []);
  const keep = (body: string): string => body;
  let out = [...lines];
  const blocks: [string, boolean][] = [
    ["with-ahead", hasSteps],
    ["without-ahead", !hasSteps],
    ...Object.entries(decided),
  ];
  for (const [name, write] of blocks) out = blockLines(out, name, once(write), keep);
  return out;
}

function isListBlock(name: string): name is ListBlock {
  return (LIST_BLOCKS as readonly string[]).includes(name);
}

/**
 * The lines between `//#<name> [separator]` and `//#end-<name>` written out once per item by
 * `write`, joined by the separator (a line break when there is none); the other lines as they are.
 */
function blockLines<T>(
  lines: readonly SourceLine[],
  name: string,
  items: readonly T[],
  write: (body: string, item: T, index: number) => string,
): SourceLine[] {
  const start = new RegExp(`^\\s*//#${name}(?: (.*))?$`);
  const end = new RegExp(`^\\s*//#end-${name}\\s*$`);
  const out: SourceLine[] = [];
  let block: { separator: string; at: string; lines: string[] } | null = null;
  for (const line of lines) {
    const opened = start.exec(line.text);
    if (opened !== null) {
      if (block !== null) throw new Error(`${line.at}: nested //#${name} block`);
      block = { separator: opened[1]?.trim() ?? "", at: line.at, lines: [] };
    } else if (end.test(line.text)) {
      if (block === null) throw new Error(`${line.at}: //#end-${name} without //#${name}`);
      const body = block.lines.join("\n");
      const separator = block.separator === "" ? "\n" : ` ${block.separator} `;
      const written = items.map((item, index) => write(body, item, index)).join(separator);
      if (items.length > 0)
        for (const text of written.split("\n")) out.push({ text, at: block.at });
      block = null;
    } else if (block !== null) {
      block.lines.push(line.text);
    } else {
      out.push(line);
    }
  }
  if (block !== null) throw new Error(`${block.at}: //#${name} block without //#end-${name}`);
  return out;
}

/**
 * The query without its comment lines, indentation and blank lines: the driver packs the text
 * into every request and Neo4j hashes it to find the cached plan, and the comments made up most
 * of some queries (what packing the text cost: bench/RESULTS.md).
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
