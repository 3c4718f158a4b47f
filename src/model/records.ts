import type { EntityKind } from "./vocabulary";

/** Shapes that repositories return and services and resolvers pass on. */

export interface EvidenceRecord {
  readonly passageId: string;
  readonly documentId: string;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  /**
   * For an entity's evidence, how the passage came to name it: curated (a quote chosen by the
   * seeds or a curator) or automatic (one of its name forms, found in the text).
   */
  readonly mentionKind?: "curated" | "automatic";
}

/** A property of a relationship: its value whole, and split into the stated words and a gloss. */
export interface RelationPropertyRecord {
  readonly key: string;
  readonly value: string;
  readonly text: string;
  readonly gloss: string | null;
}

/** A stored source document; text is null for a document registered without its text. */
export interface DocumentRecord {
  readonly id: string;
  readonly title: string | null;
  readonly text: string | null;
  /** When it was issued (YYYY-MM-DD); null for a document stored without a date. */
  readonly date: string | null;
}

/**
 * What no document had stated by a day (cypher/not-stated-by.cypher): the entities first mentioned
 * after it, the relationships first stated after it, and how many links touch those entities (the
 * most a relationship list can lose to them, beside the relationships).
 */
export interface NotStatedRecord {
  readonly asOf: string;
  readonly entities: ReadonlySet<string>;
  readonly relationships: ReadonlySet<string>;
  readonly touching: number;
}

/**
 * What a query that walks the graph as of a day leaves out, as the ids it takes for parameters
 * (`$hiddenEntities`, `$hiddenRels`): both empty when it looks at the graph as it is.
 */
export interface HiddenIds {
  readonly hiddenEntities: readonly string[];
  readonly hiddenRels: readonly string[];
}

/** The ids a walk leaves out as of a day (none without one). */
export function hiddenIdsOf(notStated: NotStatedRecord | null): HiddenIds {
  return {
    hiddenEntities: notStated === null ? [] : [...notStated.entities],
    hiddenRels: notStated === null ? [] : [...notStated.relationships],
  };
}

/** The first and latest dates of the documents that state a relationship (null: none dated). */
export interface StatedRecord {
  readonly firstStated: string | null;
  readonly lastStated: string | null;
}

/** A quote inside the paragraph of its document that holds it: quoteStart/End index into text. */
export interface EvidenceContextRecord {
  readonly text: string;
  readonly quoteStart: number;
  readonly quoteEnd: number;
}

/**
 * A name the entity took after the document, from outside knowledge (not a quote): the seeds'
 * laterNames (seeds/README.md).
 */
export interface LaterNameRecord {
  readonly name: string;
  readonly nameEn: string | null;
  /** What became of the name: `renamed`, the entity was renamed to it. */
  readonly kind: string;
  readonly year: number;
  readonly note: string;
  /** Where the change is stated, when it can be named exactly; null: outside knowledge. */
  readonly source: string | null;
}

export interface FactRecord {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly qualifier: string | null;
  /** The value in the unit's base (亿元 → 元), for comparing amounts. */
  readonly baseValue: number;
  readonly baseUnit: string;
  readonly evidence: EvidenceRecord;
  /**
   * The date of the document that states it (YYYY-MM-DD), read from the Document node; null when
   * that document has none. A key stated again by a later document is another version of the fact.
   */
  readonly statedOn: string | null;
}

export interface EntityRecord {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly nameEn: string | null;
  readonly nameEnOfficial: boolean | null;
  readonly nameInferred: boolean;
  readonly aliases: readonly string[];
  readonly description: string | null;
  /** The sources an imported entity cites (chain maps); none for the documents' entities. */
  readonly citations: readonly CitationRecord[];
  /** A chain segment's place in its chain (upstream, midstream, downstream, service). */
  readonly chainPosition: string | null;
  /**
   * Passages that name it and numbers stated about it. Only single-entity reads (by id, by name)
   * bring them along; walks, lists and relationship fields leave them out, and the request's
   * details loader reads them when a query asks for them.
   */
  readonly evidence?: readonly EvidenceRecord[];
  readonly facts?: readonly FactRecord[];
  /** Later names (outside knowledge); brought along as evidence and facts are. */
  readonly laterNames?: readonly LaterNameRecord[];
  /**
   * The day the query that reached this entity looks at the graph as of (`entity(id, asOf)`): its
   * relationship fields and facts leave out what no document had stated by then, and pass it on.
   */
  readonly asOf?: string;
  /**
   * True for a brief record: a link's other end read for a query that asks it for none of
   * BRIEF_LEAVES_OUT, which are then empty here; the Entity type reads them by id if asked after
   * all (entity.resolver.ts). Never kept in the request's entity loader.
   */
  readonly brief?: true;
  /**
   * True for a names record: a brief record read for a query that asks it for none of
   * NAMES_LEAVES_OUT either, so it holds its id, kind and name alone (the others empty); the
   * Entity type reads them by id if asked after all, as it does a brief record's long fields.
   */
  readonly names?: true;
}

/**
 * The fields of an entity a brief record leaves out: the long ones (a description is most of an
 * entity's record), which a query that lists links to draw or count them seldom asks for.
 */
export const BRIEF_LEAVES_OUT = ["aliases", "description", "citations"] as const;

/**
 * The fields of an entity a names record leaves out besides BRIEF_LEAVES_OUT: all but its id,
 * kind and name, which are what a query that lists links to draw or walk them mostly asks for.
 */
export const NAMES_LEAVES_OUT = [
  "nameEn",
  "nameEnOfficial",
  "nameInferred",
  "chainPosition",
] as const;

/**
 * The fields of a relationship a bare link leaves out: those read from its properties. A query
 * that lists links to draw them or to reach their other ends (`coBuilt { node { name } }`) asks
 * for none of them, and a link's properties are most of what its row carries: its id, its
 * evidence kind, its confidence and its own attributes, each under its key.
 */
export const BARE_LEAVES_OUT = [
  "evidenceKind",
  "confidence",
  "note",
  "citation",
  "properties",
] as const;

/**
 * How the links of a relationship field are read, from what its selection asks for
 * (src/graphql/lookahead.ts): `brief`, their other ends without BRIEF_LEAVES_OUT (EntityRecord.brief);
 * `names`, brief and without NAMES_LEAVES_OUT either (EntityRecord.names; never without brief);
 * `bare`, the links without BARE_LEAVES_OUT (RelationRecord.bare).
 */
export interface LinkShape {
  readonly brief: boolean;
  readonly names: boolean;
  readonly bare: boolean;
}

/** What EntityRecord leaves out unless asked for: its passages, stated numbers and later names. */
export interface EntityDetails {
  readonly evidence: readonly EvidenceRecord[];
  readonly facts: readonly FactRecord[];
  readonly laterNames: readonly LaterNameRecord[];
}

export type DirectionValue = "OUT" | "IN";

/**
 * explicit: a quote states it; inferred: it follows from a quote and a name; positional: the quote
 * shows an item and its place in the document's list states the link; curated: a curator's note;
 * imported: a row of an imported chain map, citing its source (title, issuer, date, location, page).
 */
export type EvidenceKindValue = "explicit" | "inferred" | "positional" | "curated" | "imported";

export function evidenceKindOf(value: unknown): EvidenceKindValue {
  return value === "inferred" ||
    value === "positional" ||
    value === "curated" ||
    value === "imported"
    ? value
    : "explicit";
}

/**
 * What an imported fact cites: a row of a chain map names a source (title, issuer, date, URL or
 * file) and a page; `importSet` is the chain map it came from (its name), `sheet` the table of its
 * row. The row's number is not kept: a row added above it would change every citation below.
 */
export interface CitationRecord {
  readonly title: string;
  readonly issuer: string | null;
  readonly date: string | null;
  readonly location: string;
  readonly page: string | null;
  readonly importSet: string;
  readonly sheet: string;
}

/** A citation stored as JSON text on a node or relationship; null when absent or unreadable. */
export function citationOf(value: unknown): CitationRecord | null {
  if (typeof value !== "string") return null;
  try {
    const o = JSON.parse(value) as Partial<CitationRecord>;
    if (typeof o.title !== "string" || typeof o.location !== "string") return null;
    return {
      title: o.title,
      issuer: o.issuer ?? null,
      date: o.date ?? null,
      location: o.location,
      page: o.page ?? null,
      importSet: o.importSet ?? "",
      sheet: o.sheet ?? "",
    };
  } catch {
    return null;
  }
}

/** An edge of a relationship view or path, in its stored direction, with its evidence. */
export interface EdgeRecord {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly evidenceKind: EvidenceKindValue;
  readonly confidence: number;
  /** The source an imported edge cites (evidenceKind imported); null otherwise. */
  readonly citation?: CitationRecord | null;
  /** Absent when the query that read the edge left its quotes out; the edge-evidence loader reads them. */
  readonly evidence?: readonly EvidenceRecord[];
  /** The day the query that found it looks at the graph as of (`paths(…, asOf)`). */
  readonly asOf?: string;
}

/**
 * A relationship to read one level further while reading a level: from each entity of `kind` at
 * the other end, the links of `type` in `direction`, at most `limit` (as a field asking for them
 * would read them).
 */
export interface PrefetchLink extends LinkShape {
  readonly kind: EntityKind;
  readonly type: string;
  readonly direction: DirectionValue;
  readonly limit: number;
}

export interface RelationRecord {
  readonly id: string;
  readonly type: string;
  /** Seen from the entity the relation was asked on. */
  readonly direction: DirectionValue;
  readonly source: string;
  readonly target: string;
  /** The entity at the other end, and its kind. */
  readonly otherId: string;
  readonly otherKind: EntityKind;
  readonly evidenceKind: EvidenceKindValue;
  readonly confidence: number;
  readonly note: string | null;
  /** The source an imported link cites (evidenceKind imported); null otherwise. */
  readonly citation: CitationRecord | null;
  /** Absent when the link was read without its quotes: the edge-evidence loader reads them. */
  readonly evidence?: readonly EvidenceRecord[];
  /** The entity at the other end, when the query that found the link read it too. */
  readonly other?: EntityRecord | null;
  /** Link attributes other than provenance, e.g. a position title; values as text. */
  readonly properties: readonly RelationPropertyRecord[];
  /** The day the query that read it looks at the graph as of; its other end looks as of it too. */
  readonly asOf?: string;
  /**
   * True for a bare link: read for a query that asks it for none of BARE_LEAVES_OUT, which then
   * hold their defaults here (explicit, 1, null, null, none); its id, ends, type and other end are
   * its own. Kept in the request's relations loader under its own key (relationCacheKey), so a
   * field that asks for them never gets a bare link.
   */
  readonly bare?: true;
}

/** The sort keys the service keeps on every relationship (cypher/relation-sort-indexes.cypher). */
export const SORT_KEY_PROPERTIES = ["outKey", "inKey"] as const;

/**
 * Relationship property names that hold provenance or the sort keys; a link's own properties may
 * not use them.
 */
export const RESERVED_RELATIONSHIP_KEYS = [
  "id",
  "evidence",
  "quotes",
  "evidenceKind",
  "confidence",
  "note",
  // The text of its own properties, which the full-text index of relationships reads.
  "propText",
  // An imported link's source (JSON) and the chain map that owns it.
  "citation",
  "importSet",
  ...SORT_KEY_PROPERTIES,
] as const;

/**
 * What the full-text index of relationships (relation_props_2) reads of a relationship: the values
 * of its own properties, e.g. 首批试点高校 (first batch of pilot universities); null without any.
 */
export function propTextOf(
  properties: Readonly<Record<string, unknown>> | undefined,
): string | null {
  const values = Object.values(properties ?? {})
    .filter((value) => typeof value === "string" || typeof value === "number")
    .map(String);
  return values.length === 0 ? null : values.join(" | ");
}

/** One entry of the curation audit trail, as written (AuditInput) and as read back (AuditRow). */
export interface AuditInput {
  readonly id: string;
  readonly actor: string;
  readonly action: string;
  readonly entityId: string;
  readonly relatedIds: readonly string[];
  readonly before: string | null;
  readonly after: string | null;
  readonly evidence: string;
  readonly idempotencyKey: string;
}

export interface AuditRow extends AuditInput {
  readonly at: string;
}

/** How many entities of one kind a count holds. */
export interface KindCount {
  readonly kind: string;
  readonly count: number;
}

export interface CountBucket {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly total: number;
  readonly byKind: readonly KindCount[];
}

/** Whole-graph figures. */
export interface GraphCounts {
  readonly entities: number;
  readonly relationships: number;
  readonly documents: number;
}
