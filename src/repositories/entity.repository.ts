import { citationOf, evidenceKindOf } from "../model/records";
import { textKey, type ForType } from "../db/cypher";
import { inTurn, type Queries, type Row } from "../db/database";
import { asObject, asList, asText, asTextOrNull, type JsonValue } from "../db/values";
import type {
  EdgeRecord,
  HiddenIds,
  DirectionValue,
  EntityDetails,
  EntityRecord,
  EvidenceRecord,
  FactRecord,
  LaterNameRecord,
  PrefetchLink,
  RelationRecord,
} from "../model/records";
import { RESERVED_RELATIONSHIP_KEYS } from "../model/records";
import { splitGloss } from "../model/gloss";
import { toBaseUnit } from "../model/units";
import { WALK_DEGREE_BOUND } from "../model/bounds";
import type { NameVia } from "../model/seed-rows";
import { RELATION_TYPES, type EntityKind } from "../model/vocabulary";

/** An entity a name form names, and how (a document form, a later name, a pinyin key). */
export interface NameMatch {
  readonly entity: EntityRecord;
  readonly via: NameVia;
}

/** An entity one of whose pinyin keys starts with a prefix, with the keys that do. */
export interface PinyinMatch {
  readonly entity: EntityRecord;
  readonly keys: readonly string[];
}

export interface RelationKey {
  readonly id: string;
  /** null: every type. */
  readonly type: string | null;
  readonly direction: DirectionValue;
  readonly limit: number;
  /** Links to read one level further, from the entities this key finds (a hint, see PrefetchLink). */
  readonly next?: readonly PrefetchLink[];
  /** Read the entities at the other end brief (EntityRecord.brief); a typed key only. */
  readonly brief?: boolean;
  /** Read them as their names alone (EntityRecord.names; with brief); a typed key only. */
  readonly names?: boolean;
  /** Read the links bare (RelationRecord.bare); a typed key only. */
  readonly bare?: boolean;
}

/**
 * Relationships to count for Entity.relationCount or a typed field's count: the types followed
 * outward and inward from the entity, and the kinds the other end must be of (null: any).
 */
export interface CountKey {
  readonly id: string;
  readonly outTypes: readonly string[];
  readonly inTypes: readonly string[];
  readonly kinds: readonly string[] | null;
  /** Counted as of a day: what no document had stated by then is not counted. */
  readonly asOf?: { readonly day: string; readonly hidden: HiddenIds };
}

/** The relations read for one key. */
export interface KeyedRelations {
  readonly key: RelationKey;
  readonly relations: RelationRecord[];
}

/** Relations per key, aligned to the keys, and those read one level further, each with its key. */
export interface RelationsRead {
  readonly lists: RelationRecord[][];
  /** The entity each key starts from, as a record without passages and facts; null if none. */
  readonly startEntities: ReadonlyMap<string, EntityRecord | null>;
  readonly prefetched: KeyedRelations[];
}

const PROVENANCE_KEYS: ReadonlySet<string> = new Set(RESERVED_RELATIONSHIP_KEYS);

/**
 * Separates the parts of a relationship's sort keys (entity id, other end's name, its id; see
 * cypher/relation-sort-indexes.cypher). U+0001 sorts before any character of a name, so the keys
 * sort as (name, id) pairs do.
 */
export const SORT_KEY_SEPARATOR = "\u0001";

/**
 * Reads entities, their name forms and their relationships. Every method is one round trip, but
 * `relations`: one per relationship type among its keys, side by side, and for keys without a
 * type, a second when some of their entities are hubs.
 */
export class EntityRepository {
  constructor(private readonly db: Queries) {}

  async byIds(ids: readonly string[]): Promise<Map<string, EntityRecord>> {
    const rows = await this.db.read("entities-by-ids", { ids: [...new Set(ids)] });
    return new Map(rows.map((row) => [asText(asObject(row.entity).id), toEntity(row)]));
  }

  /** Passages and stated numbers of entities whose records were read without them. */
  async details(ids: readonly string[]): Promise<Map<string, EntityDetails>> {
    const rows = await this.db.read("entity-details", { ids: [...new Set(ids)] });
    return new Map(rows.map((row) => [asText(row.id), toDetails(row)]));
  }

  /** The evidence of edges by id (source|TYPE|target); edges that do not exist are left out. */
  async edgeEvidence(ids: readonly string[]): Promise<Map<string, EvidenceRecord[]>> {
    const rows = await this.db.read("edge-evidence", { ids: [...new Set(ids)] });
    return new Map(rows.map((row) => [asText(row.id), evidenceFromProperties(row)]));
  }

  /** Relationships by edge id (source|TYPE|target), with their evidence; unknown ids are left out. */
  async edgesByIds(ids: readonly string[]): Promise<Map<string, EdgeRecord>> {
    const rows = await this.db.read("edges-by-ids", { ids: [...new Set(ids)] });
    return new Map(
      rows.map((row) => [
        asText(row.id),
        edgeOf(asText(row.source), asText(row.target), asText(row.type), asObject(row.props)),
      ]),
    );
  }

  /** How many relationships each entity has with other entities; unknown ids are left out. */
  async degrees(ids: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.db.read("entity-degrees", {
      walkDegreeBound: WALK_DEGREE_BOUND,
      ids: [...new Set(ids)],
    });
    return new Map(rows.map((row) => [asText(row.id), Number(row.degree)]));
  }

  /**
   * Has Neo4j plan the two queries that read hubs (relations-of-hubs, relation-counts-hubs) before
   * a user's first one: each names every type of the vocabulary, and planning one took a second
   * or two, while the seeded graph has no hub to reach them. Run with an id that names no entity,
   * so they read nothing; `stopped` ends it early. How many queries it ran.
   */
  async planHubReads(stopped: () => boolean = () => false): Promise<number> {
    const id = "plan-hub-reads";
    const plans: (() => Promise<unknown>)[] = [
      () =>
        this.db.read("relations-of-hubs", {
          linkLimit: 1,
          keys: [{ ...prefixes({ id, direction: "OUT" }), limit: 1, index: 0 }],
        }),
      () =>
        this.db.read("relation-counts-hubs", {
          keys: [{ id, index: 0, outTypes: RELATION_TYPES, inTypes: RELATION_TYPES, kinds: null }],
        }),
    ];
    return inTurn(plans, stopped);
  }

  /** How many relationships match each key (aligned to the keys); 0 for an unknown entity. */
  async relationCounts(keys: readonly CountKey[]): Promise<number[]> {
    const counts = keys.map(() => 0);
    const now = keys.flatMap(({ asOf, ...key }, index) =>
      asOf === undefined ? [{ ...key, index }] : [],
    );
    const then = keys.flatMap(({ asOf, ...key }, index) =>
      asOf === undefined ? [] : [{ ...key, index, ...asOf.hidden }],
    );
    const rows = [
      ...(now.length === 0 ? [] : await this.countsNow(now)),
      ...(then.length === 0 ? [] : await this.db.read("relation-counts-as-of", { keys: then })),
    ];
    for (const row of rows) counts[Number(row.keyIndex)] = Number(row.count);
    return counts;
  }

  /**
   * Counts without a day: relation-counts walks the relationships of entities up to
   * WALK_DEGREE_BOUND and says which are hubs; their keys are counted again by
   * relation-counts-hubs, which reads each type's count from the degree store.
   */
  private async countsNow(
    keys: readonly (Omit<CountKey, "asOf"> & { index: number })[],
  ): Promise<Row[]> {
    const rows = await this.db.read("relation-counts", {
      walkDegreeBound: WALK_DEGREE_BOUND,
      keys,
    });
    const hubs = new Set(rows.filter((row) => row.hub === true).map((row) => Number(row.keyIndex)));
    if (hubs.size === 0) return rows;
    const hubRows = await this.db.read("relation-counts-hubs", {
      keys: keys.filter(({ index }) => hubs.has(index)),
    });
    return [...rows.filter((row) => row.hub !== true), ...hubRows];
  }

  /** The entities each normalised name form names, as full records, with how it names them. */
  async byNameKeys(keys: readonly string[]): Promise<Map<string, NameMatch[]>> {
    const rows = await this.db.read("entities-by-name-keys", { keys: [...new Set(keys)] });
    const byKey = new Map<string, NameMatch[]>();
    for (const row of rows) {
      const key = asText(row.key);
      const match = { entity: toEntity(row), via: nameViaOf(row.via) };
      byKey.set(key, [...(byKey.get(key) ?? []), match]);
    }
    return byKey;
  }

  /**
   * For each prefix, the entities one of whose pinyin keys starts with it (at most `limit`, the
   * shortest matching key first), with the keys that matched and their later names.
   */
  async byPinyinPrefixes(
    prefixes: readonly string[],
    limit: number,
  ): Promise<Map<string, PinyinMatch[]>> {
    const rows = await this.db.read("entities-by-pinyin-prefix", {
      prefixes: [...new Set(prefixes)],
      limit,
    });
    const byPrefix = new Map<string, PinyinMatch[]>();
    for (const row of rows) {
      const prefix = asText(row.prefix);
      const match = {
        entity: { ...recordOf(row.entity), laterNames: laterNamesOf(row.laterNames) },
        keys: asList(row.keys).map(asText),
      };
      byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), match]);
    }
    return byPrefix;
  }

  /**
   * Relations per key (aligned to keys), each list ordered by the other entity's name; with the
   * links each key's `next` asks for, read from the entities found, in the same query. Keys of one
   * type are read together through that type's sort-key index (one query per type in the batch,
   * run side by side); keys without a type through one query over every type.
   */
  async relations(keys: readonly RelationKey[]): Promise<RelationsRead> {
    // Read-ahead (docs/architecture.md, "Reading ahead"), hop 5: one query per relationship type,
    // direction, shape and read-ahead steps of the batch (all written into its text); next,
    // cypher/relations-by-type.cypher with parts/links-of-key.cypher (hop 6).
    const byQuery = new Map<string, { query: ForType | null; indexes: number[] }>();
    keys.forEach((key, index) => {
      const query: ForType | null =
        key.type === null
          ? null
          : {
              query: "relations-by-type",
              type: key.type,
              links: {
                direction: key.direction,
                brief: key.brief === true,
                names: key.names === true,
                bare: key.bare === true,
              },
              ahead: key.next,
            };
      const text = query === null ? "untyped" : textKey(query);
      const known = byQuery.get(text) ?? { query, indexes: [] };
      byQuery.set(text, { query, indexes: [...known.indexes, index] });
    });
    const reads = await Promise.all(
      [...byQuery.values()].map(async ({ query, indexes }) => {
        const batch = indexes.map((index) => ({ index, key: keys[index] as RelationKey }));
        if (query === null) return this.untyped(batch);
        return this.db.read(query, {
          // The index seek of each key reads at most this many; each key keeps its own.
          linkLimit: Math.max(...batch.map(({ key }) => key.limit)),
          walkDegreeBound: WALK_DEGREE_BOUND,
          keys: batch.map(({ index, key }) => ({
            id: key.id,
            prefix: `${key.id}${SORT_KEY_SEPARATOR}`,
            limit: key.limit,
            nextLimits: (key.next ?? []).map((step) => step.limit),
            index,
          })),
        });
      }),
    );
    const lists: RelationRecord[][] = keys.map(() => []);
    const startEntities = new Map<string, EntityRecord | null>();
    const prefetched = new PrefetchedLinks();
    for (const row of reads.flat()) {
      const keyId = asText(row.keyId);
      const index = Number(row.keyIndex);
      startEntities.set(keyId, recordOrNull(row.start));
      const key = keys[index];
      if (key !== undefined) lists[index]?.push(...prefetched.linksOf(keyId, row.links, key));
    }
    return { lists, startEntities, prefetched: prefetched.reads() };
  }

  /**
   * Keys without a type follow every type of the vocabulary: relations-of reads and sorts all of
   * an entity's links, and says which entities are hubs; their keys are read again by
   * relations-of-hubs, which seeks each type's first links in the sort-key indexes.
   */
  private async untyped(batch: readonly { index: number; key: RelationKey }[]): Promise<Row[]> {
    const rows = await this.db.read("relations-of", {
      allTypes: RELATION_TYPES,
      keys: batch.map(({ index, key }) => ({
        id: key.id,
        direction: key.direction,
        limit: key.limit,
        index,
      })),
    });
    const hubs = new Set(rows.filter((row) => row.hub === true).map((row) => Number(row.keyIndex)));
    if (hubs.size === 0) return rows;
    const again = batch.filter(({ index }) => hubs.has(index));
    const hubRows = await this.db.read("relations-of-hubs", {
      linkLimit: Math.max(...again.map(({ key }) => key.limit)),
      keys: again.map(({ index, key }) => ({ ...prefixes(key), limit: key.limit, index })),
    });
    return [...rows.filter((row) => row.hub !== true), ...hubRows];
  }
}

/** A key's id, and its prefix in the sort-key index of its direction (null for the other). */
function prefixes(key: Pick<RelationKey, "id" | "direction">): {
  id: string;
  outPrefix: string | null;
  inPrefix: string | null;
} {
  const prefix = `${key.id}${SORT_KEY_SEPARATOR}`;
  return {
    id: key.id,
    outPrefix: key.direction === "OUT" ? prefix : null,
    inPrefix: key.direction === "IN" ? prefix : null,
  };
}

/**
 * Reads the `links` a row of links-of-key (cypher/parts) gives for one entity, and keeps the links
 * they bring one level further (`nested`), once per key.
 */
export class PrefetchedLinks {
  private readonly byKey = new Map<string, KeyedRelations>();

  /**
   * The entity's relations, in the order read, as `read` asked for them: of a typed key, its type,
   * direction and shape, which the text was written for and the rows leave out. Their nested links are kept for
   * `reads`, each under the step of `read.next` it names by place.
   */
  linksOf(
    fromId: string,
    links: JsonValue | undefined,
    read: Pick<RelationKey, "type" | "direction" | "bare" | "next">,
  ): RelationRecord[] {
    // An untyped key's rows (relations-of) name each link's type and direction themselves.
    const named = read.type === null ? undefined : { type: read.type, direction: read.direction };
    return asList(links).map((value) => {
      const link = asObject(value);
      const relation = toRelation(fromId, link, read.bare === true, named);
      for (const nestedValue of asList(link.nested)) {
        const nested = asObject(nestedValue);
        const step = read.next?.[Number(nested.step)];
        if (step === undefined) continue;
        const key: RelationKey = {
          id: relation.otherId,
          type: step.type,
          direction: step.direction,
          limit: step.limit,
          brief: step.brief,
          names: step.names,
          bare: step.bare,
        };
        const id = relationCacheKey(key);
        if (!this.byKey.has(id)) {
          const relations = asList(nested.links).map((other) =>
            toRelation(relation.otherId, asObject(other), step.bare, step),
          );
          this.byKey.set(id, { key, relations });
        }
      }
      return relation;
    });
  }

  reads(): KeyedRelations[] {
    return [...this.byKey.values()];
  }
}

export function relationKeyString(key: Pick<RelationKey, "id" | "type" | "direction">): string {
  return `${key.id}|${key.type ?? "*"}|${key.direction}`;
}

/**
 * What one read of a key answers: its links of one type and direction, at most `limit`, bare or
 * whole, their other ends as names, brief or whole (`next` only adds reads: the same links
 * whatever it asks).
 */
export function relationCacheKey(key: RelationKey): string {
  return `${relationKeyString(key)}|${key.limit}${key.brief === true ? "|brief" : ""}${key.names === true ? "|names" : ""}${key.bare === true ? "|bare" : ""}`;
}

function toEvidence(value: JsonValue | undefined): EvidenceRecord {
  const o = asObject(value);
  return {
    passageId: asText(o.passageId),
    documentId: asText(o.documentId),
    start: Number(o.start),
    end: Number(o.end),
    quote: asText(o.quote),
    ...(o.mentionKind === "curated" || o.mentionKind === "automatic"
      ? { mentionKind: o.mentionKind }
      : {}),
  };
}

function toFact(value: JsonValue): FactRecord {
  const o = asObject(value);
  const base = toBaseUnit(Number(o.value), asText(o.unit));
  return {
    key: asText(o.key),
    label: asText(o.label),
    value: Number(o.value),
    unit: asText(o.unit),
    baseValue: base.value,
    baseUnit: base.unit,
    qualifier: asTextOrNull(o.qualifier),
    evidence: toEvidence(o.evidence),
    statedOn: asTextOrNull(o.statedOn),
  };
}

/** An entity record, with its passages and facts, from a row of `entity`, `evidence` and `facts`. */
export function toEntity(row: Row): EntityRecord {
  return { ...recordOf(row.entity), ...toDetails(row) };
}

/** An entity record without passages and facts, from an entity map (`n {.id, .kind, …}`). */
export function recordOf(value: JsonValue | undefined): EntityRecord {
  const e = asObject(value);
  return {
    id: asText(e.id),
    kind: asText(e.kind) as EntityKind,
    name: asText(e.name),
    nameEn: asTextOrNull(e.nameEn),
    nameEnOfficial: typeof e.nameEnOfficial === "boolean" ? e.nameEnOfficial : null,
    nameInferred: e.nameInferred === true,
    aliases: asList(e.aliases).map(String),
    description: asTextOrNull(e.description),
    citations: asList(e.citations)
      .map((value) => citationOf(value))
      .filter((citation) => citation !== null),
    chainPosition: asTextOrNull(e.chainPosition),
    ...(e.brief === true ? { brief: true as const } : {}),
    ...(e.names === true ? { names: true as const } : {}),
  };
}

/** As recordOf, or null for a missing entity (an OPTIONAL MATCH that found none). */
export function recordOrNull(value: JsonValue | undefined): EntityRecord | null {
  return value === null || value === undefined ? null : recordOf(value);
}

export function toDetails(row: Row): EntityDetails {
  return {
    evidence: asList(row.evidence)
      .filter((p) => p !== null)
      .map(toEvidence),
    facts: asList(row.facts)
      .filter((f) => f !== null)
      .map(toFact),
    laterNames: laterNamesOf(row.laterNames),
  };
}

/** How a name form names an entity (model/seed-rows.ts NameVia); a form without one is a name. */
export function nameViaOf(value: JsonValue | undefined): NameVia {
  return value === "later" || value === "pinyin" ? value : "name";
}

/** The later names an entity node keeps as JSON (seed-rows.ts); none when absent or unreadable. */
export function laterNamesOf(value: JsonValue | undefined): LaterNameRecord[] {
  if (typeof value !== "string") return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const l = item as Record<string, unknown>;
    if (typeof l.name !== "string" || typeof l.year !== "number") return [];
    return [
      {
        name: l.name,
        nameEn: typeof l.nameEn === "string" ? l.nameEn : null,
        kind: typeof l.kind === "string" ? l.kind : "renamed",
        year: l.year,
        note: typeof l.note === "string" ? l.note : "",
        source: typeof l.source === "string" ? l.source : null,
      },
    ];
  });
}

/**
 * A link of a row seen from `fromId`: its `type`, `direction` and `props`, and the entity at the
 * other end, as `otherEntity` (a query's rows) or by `otherId` and `otherKind` alone. A bare one
 * (RelationRecord.bare) reads no more of its props than the id.
 */
export function toRelation(
  fromId: string,
  row: Row,
  bare = false,
  /** The link's type and direction when the row leaves them out (links-of-key). */
  named?: { readonly type: string; readonly direction: DirectionValue },
): RelationRecord {
  const props = asObject(row.props);
  const direction: DirectionValue = named?.direction ?? (row.direction === "IN" ? "IN" : "OUT");
  const other = recordOrNull(row.otherEntity);
  const otherId = other?.id ?? asText(row.otherId);
  const link = {
    id: asText(props.id),
    type: named?.type ?? asText(row.type),
    direction,
    source: direction === "OUT" ? fromId : otherId,
    target: direction === "OUT" ? otherId : fromId,
    otherId,
    otherKind: other?.kind ?? (asText(row.otherKind) as EntityKind),
    other,
  };
  if (bare)
    return {
      ...link,
      evidenceKind: "explicit",
      confidence: 1,
      note: null,
      citation: null,
      properties: [],
      bare: true,
    };
  const properties = Object.entries(props)
    .filter(
      ([key, value]) => !PROVENANCE_KEYS.has(key) && value !== null && typeof value !== "object",
    )
    .map(([key, value]) => ({ key, value: asText(value), ...splitGloss(asText(value)) }))
    .sort((a, b) => a.key.localeCompare(b.key));
  return {
    ...link,
    evidenceKind: evidenceKindOf(props.evidenceKind),
    confidence: typeof props.confidence === "number" ? props.confidence : 1,
    note: asTextOrNull(props.note),
    citation: citationOf(props.citation),
    ...(props.quotes === undefined || props.quotes === null
      ? {}
      : { evidence: evidenceFromProperties(props) }),
    properties,
  };
}

/**
 * An edge of a view or path; with its evidence when `props` holds the relationship's passage ids
 * and quotes (queries that show many edges leave them out).
 */
export function edgeOf(
  source: string,
  target: string,
  type: string,
  props: { [key: string]: JsonValue },
): EdgeRecord {
  return {
    id: typeof props.id === "string" ? props.id : `${source}|${type}|${target}`,
    type,
    source,
    target,
    evidenceKind: evidenceKindOf(props.evidenceKind),
    confidence: typeof props.confidence === "number" ? props.confidence : 1,
    citation: citationOf(props.citation),
    ...(props.evidence === undefined && props.quotes === undefined
      ? {}
      : { evidence: evidenceFromProperties(props) }),
  };
}

/**
 * A relationship's evidence from its own properties: `evidence` holds passage ids
 * (`doc:start-end`) and `quotes` the texts, in the same order. Sorted by position.
 */
export function evidenceFromProperties(props: { [key: string]: JsonValue }): EvidenceRecord[] {
  const passageIds = asList(props.evidence).map(asText);
  const quotes = asList(props.quotes).map(asText);
  return passageIds
    .map((passageId, index) => {
      const colon = passageId.lastIndexOf(":");
      const [start = "0", end = "0"] = passageId.slice(colon + 1).split("-");
      return {
        passageId,
        documentId: passageId.slice(0, colon),
        start: Number(start),
        end: Number(end),
        quote: quotes[index] ?? "",
      };
    })
    .sort((a, b) => a.documentId.localeCompare(b.documentId) || a.start - b.start);
}
