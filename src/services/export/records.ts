import type { JsonValue } from "../../model/plain";
import { normalizeName } from "../../model/names";
import { RESERVED_RELATIONSHIP_KEYS } from "../../model/records";
import { isEntityKind, type EntityKind } from "../../model/vocabulary";
import type { GraphContent } from "../../repositories/export.repository";
import type {
  CheckedSeedSet,
  Entity,
  Fact,
  GraphRecords,
  LaterName,
  Mention,
  PropertyValue,
  Quote,
  Relationship,
  ScalarOrList,
  SeedDocument,
} from "../../seeds/types";
import { buildSeedRows, nameForms } from "../seed-rows";

/**
 * Turns what the graph holds into seed records (seeds/README.md), the inverse of buildSeedRows:
 * pure, so the exported shape is unit-tested without a database. What the seed format cannot
 * hold is refused with ExportError rather than dropped, so an export never silently loses data.
 */

/** The graph holds something the seed format has no place for; nothing was written. */
export class ExportError extends Error {
  constructor(message: string) {
    super(`${message}; nothing was exported`);
    this.name = "ExportError";
  }
}

export interface ExportedDocument {
  readonly record: SeedDocument;
  readonly text: string;
}

/** A whole seed set built from the graph, every list in a stable order. */
export interface ExportedSet {
  readonly documents: readonly ExportedDocument[];
  readonly entities: readonly Entity[];
  readonly relationships: readonly Relationship[];
  /** undefined when the graph holds nothing for records.json. */
  readonly records: GraphRecords | undefined;
}

/**
 * Labels an export leaves out, with why: SeedState records which seed set was last applied to
 * this database (and that its sort keys were backfilled). Seeding the export writes its own; it
 * describes a database, not the graph, so it is not graph content to review.
 */
export const OPERATIONAL_LABELS = ["SeedState"] as const;

const ENTITY_PROPS = new Set([
  "id",
  "kind",
  "name",
  "namePinyin",
  "nameEn",
  "nameEnOfficial",
  "nameInferred",
  "aliases",
  "laterNames",
  "description",
  "aliasText",
  "curated",
  "importSet",
  "chainPosition",
  "citations",
]);
/** A document's date and an ingested document's provenance, optional in documents.json (seeds/README.md). */
const INGESTED_TEXT = [
  "date",
  "dateNote",
  "issuer",
  "source",
  "sourceFile",
  "format",
  "origin",
  "ingestedBy",
  "ingestedAt",
] as const;
const INGESTED_NUMBERS = ["pages", "passageCount", "repeatedPassages"] as const;
const INGESTED_DOCUMENT_PROPS = [...INGESTED_TEXT, ...INGESTED_NUMBERS];

const DOCUMENT_PROPS = new Set([
  "id",
  "file",
  "title",
  "sha256",
  "language",
  "text",
  ...INGESTED_DOCUMENT_PROPS,
]);
/** Provenance and sort keys: a relationship's own properties are everything else. */
const RELATIONSHIP_META: ReadonlySet<string> = new Set(RESERVED_RELATIONSHIP_KEYS);
const RECORD_LABELS = {
  Tombstone: "tombstones",
  Audit: "audits",
  MutationRecord: "mutations",
  ChainMapImport: "chainMapImports",
  Candidate: "candidates",
} as const;

type Props = Readonly<Record<string, JsonValue>>;

/** Builds the seed set the graph is; see the module comment. */
export function graphToSeedSet(content: GraphContent): ExportedSet {
  const passages = new Map<string, Quote>();
  for (const row of content.passages)
    passages.set(text(row.id), {
      doc: text(row.doc),
      quote: text(row.quote),
      start: num(row.start),
    });

  const documents = content.documents.map(documentOf);
  const mentions = groupBy(content.mentions, (row) => text(row.entityId));
  const facts = groupBy(content.facts, (row) => text(row.entityId));
  let entities = content.entities.map((props) =>
    entityOf(props, mentions.get(text(props.id)) ?? [], facts.get(text(props.id)) ?? []),
  );
  entities = withAmbiguousAliases(entities);
  const relationships = content.relationships.map((row) => relationshipOf(row, passages));

  // Automatic mentions: seeding finds them from name forms; the entities for which it would not
  // find what the graph holds list theirs.
  const graphAutomatic = new Map<string, Quote[]>();
  for (const row of content.mentions) {
    if (row.kind !== "automatic") continue;
    const id = text(row.entityId);
    graphAutomatic.set(id, [...(graphAutomatic.get(id) ?? []), quoteOf(row)]);
  }
  const scanned = automaticByEntity({ documents, entities, relationships, records: undefined });
  entities = entities.map((entity) => {
    const held = graphAutomatic.get(entity.id) ?? [];
    const found = scanned.get(entity.id) ?? [];
    return sameQuotes(held, found) ? entity : { ...entity, automaticMentions: sortQuotes(held) };
  });

  const records = recordsOf(content.others);
  // Passages nothing above quotes (the evidence of a removed link) are kept in records.json.
  const written = passageIds({ documents, entities, relationships, records: undefined });
  const orphans = [...passages.entries()]
    .filter(([id]) => !written.has(id))
    .map(([, quote]) => quote);
  const withPassages: GraphRecords = { ...records, passages: sortQuotes(orphans) };
  const empty = Object.values(withPassages).every((list: readonly unknown[]) => list.length === 0);
  return { documents, entities, relationships, records: empty ? undefined : withPassages };
}

function documentOf(props: Props): ExportedDocument {
  const id = text(props.id);
  refuseUnknown(props, DOCUMENT_PROPS, `document ${id}`);
  if (typeof props.text !== "string")
    throw new ExportError(`document ${id} is stored without its text`);
  return {
    record: {
      id,
      file: text(props.file),
      title: text(props.title),
      sha256: text(props.sha256),
      language: text(props.language),
      ...Object.fromEntries(
        INGESTED_TEXT.filter((key) => props[key] != null).map((key) => [key, text(props[key])]),
      ),
      ...Object.fromEntries(
        INGESTED_NUMBERS.filter((key) => props[key] != null).map((key) => [key, num(props[key])]),
      ),
    },
    text: props.text,
  };
}

function entityOf(props: Props, mentionRows: readonly Props[], factRows: readonly Props[]): Entity {
  const id = text(props.id);
  refuseUnknown(props, ENTITY_PROPS, `entity ${id}`);
  const kind = text(props.kind);
  if (!isEntityKind(kind)) throw new ExportError(`entity ${id} has unknown kind ${kind}`);
  const mentions: Mention[] = mentionRows
    .filter((row) => row.kind !== "automatic")
    .map((row) => (row.kind === null ? { ...quoteOf(row), attached: true } : quoteOf(row)));
  return defined({
    id,
    kind: kind satisfies EntityKind,
    name: text(props.name),
    nameEn: optionalText(props.nameEn),
    nameEnOfficial: props.nameEn == null ? undefined : props.nameEnOfficial === true,
    nameInferred: props.nameInferred === true ? true : undefined,
    aliases: list(props.aliases),
    ambiguousAliases: undefined,
    laterNames: laterNamesOf(props.laterNames, id),
    description: optionalText(props.description),
    mentions,
    facts: factRows.map(factOf),
    curated: props.curated === true ? true : undefined,
    importSet: optionalText(props.importSet),
    chainPosition: optionalText(props.chainPosition),
    citations: props.citations == null ? undefined : list(props.citations),
  }) as Entity;
}

function factOf(row: Props): Fact {
  const props = row.props as Props;
  return defined({
    key: text(props.key),
    label: text(props.label),
    value: num(props.value),
    unit: text(props.unit),
    qualifier: optionalText(props.qualifier),
    doc: text(row.doc),
    quote: text(props.quote),
    start: num(row.start),
  }) as Fact;
}

function relationshipOf(row: Props, passages: ReadonlyMap<string, Quote>): Relationship {
  const props = row.props as Props;
  const label = `${text(row.source)} -${text(row.type)}-> ${text(row.target)}`;
  const evidence = list(props.evidence).map((id) => {
    const quote = passages.get(id);
    if (quote === undefined)
      throw new ExportError(`${label} cites passage ${id}, which is missing`);
    return quote;
  });
  const own: Record<string, PropertyValue> = {};
  for (const [key, value] of Object.entries(props)) {
    if (RELATIONSHIP_META.has(key) || value === null) continue;
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean")
      throw new ExportError(`${label} has property ${key} the seed format cannot hold`);
    own[key] = value;
  }
  const keys = Object.keys(own).sort();
  return defined({
    source: text(row.source),
    type: text(row.type),
    target: text(row.target),
    evidence,
    evidenceKind: text(props.evidenceKind) as Relationship["evidenceKind"],
    confidence: num(props.confidence ?? 1),
    properties: keys.length === 0 ? undefined : Object.fromEntries(keys.map((k) => [k, own[k]])),
    note: optionalText(props.note),
    citation: optionalText(props.citation),
    importSet: optionalText(props.importSet),
  }) as Relationship;
}

/** An alias two entities share must be declared on both (seeds:check): declare it, in alias order. */
function withAmbiguousAliases(entities: readonly Entity[]): Entity[] {
  const owners = new Map<string, Set<string>>();
  for (const entity of entities)
    for (const form of nameForms(entity)) {
      const key = normalizeName(form);
      owners.set(key, (owners.get(key) ?? new Set()).add(entity.id));
    }
  return entities.map((entity) => {
    const shared = nameForms(entity).filter(
      (form) => (owners.get(normalizeName(form))?.size ?? 0) > 1,
    );
    return shared.length === 0 ? entity : { ...entity, ambiguousAliases: shared };
  });
}

function recordsOf(rows: readonly Props[]): Omit<GraphRecords, "passages"> {
  const out = {
    tombstones: [],
    audits: [],
    mutations: [],
    chainMapImports: [],
    candidates: [],
  } as Record<(typeof RECORD_LABELS)[keyof typeof RECORD_LABELS], Record<string, ScalarOrList>[]>;
  for (const row of rows) {
    const labels = list(row.labels);
    if (labels.some((label) => (OPERATIONAL_LABELS as readonly string[]).includes(label))) continue;
    const [label] = labels;
    const section =
      labels.length === 1 && label !== undefined && label in RECORD_LABELS
        ? RECORD_LABELS[label as keyof typeof RECORD_LABELS]
        : undefined;
    if (section === undefined)
      throw new ExportError(`the graph holds a node labelled ${labels.join(":")}`);
    const record: Record<string, ScalarOrList> = {};
    const props = row.props as Props;
    for (const key of Object.keys(props).sort()) {
      const value = props[key];
      if (value === null || value === undefined) continue;
      if (Array.isArray(value)) record[key] = value.map(String);
      else if (typeof value === "object")
        throw new ExportError(`a ${label} record has a map in ${key}`);
      else record[key] = value;
    }
    out[section].push(record);
  }
  return out;
}

function asChecked(set: ExportedSet): CheckedSeedSet {
  return {
    documents: set.documents.map(({ record, text: body }, index) => ({
      file: "documents.json",
      index,
      record,
      text: body,
    })),
    entities: set.entities.map((record, index) => ({ file: "", index, record })),
    relationships: set.relationships.map((record, index) => ({ file: "", index, record })),
    records: set.records,
  };
}

function automaticByEntity(set: ExportedSet): Map<string, Quote[]> {
  const rows = buildSeedRows(asChecked(set));
  const byId = new Map(rows.passages.map((passage) => [passage.id, passage.props]));
  const out = new Map<string, Quote[]>();
  for (const mention of rows.mentions) {
    if (mention.kind !== "automatic") continue;
    const props = byId.get(mention.passageId);
    if (props === undefined) continue;
    const quote = { doc: text(props.documentId), quote: text(props.text), start: num(props.start) };
    out.set(mention.entityId, [...(out.get(mention.entityId) ?? []), quote]);
  }
  return out;
}

function passageIds(set: ExportedSet): Set<string> {
  return new Set(buildSeedRows(asChecked(set)).passages.map((passage) => passage.id));
}

function quoteOf(row: Props): Quote {
  return { doc: text(row.doc), quote: text(row.quote), start: num(row.start) };
}

function quoteKey(quote: Quote): string {
  return `${quote.doc}\u0000${String(quote.start).padStart(12, "0")}\u0000${quote.quote}`;
}

function sortQuotes(quotes: readonly Quote[]): Quote[] {
  return [...quotes].sort((a, b) => (quoteKey(a) < quoteKey(b) ? -1 : 1));
}

function sameQuotes(a: readonly Quote[], b: readonly Quote[]): boolean {
  const keys = (quotes: readonly Quote[]): string => sortQuotes(quotes).map(quoteKey).join("\n");
  return a.length === b.length && keys(a) === keys(b);
}

function laterNamesOf(value: JsonValue | undefined, id: string): LaterName[] {
  if (value == null) return [];
  try {
    return JSON.parse(text(value)) as LaterName[];
  } catch {
    throw new ExportError(`entity ${id} has laterNames that are not JSON`);
  }
}

function refuseUnknown(props: Props, known: ReadonlySet<string>, what: string): void {
  const unknown = Object.keys(props).filter((key) => !known.has(key));
  if (unknown.length > 0)
    throw new ExportError(`${what} has ${unknown.join(", ")}, which the seed format cannot hold`);
}

function groupBy(rows: readonly Props[], key: (row: Props) => string): Map<string, Props[]> {
  const out = new Map<string, Props[]>();
  for (const row of rows) out.set(key(row), [...(out.get(key(row)) ?? []), row]);
  return out;
}

/** The object without its undefined fields, keys in the order given. */
function defined<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

function text(value: JsonValue | undefined): string {
  if (typeof value !== "string")
    throw new ExportError(`expected text, found ${JSON.stringify(value)}`);
  return value;
}

function optionalText(value: JsonValue | undefined): string | undefined {
  return value == null ? undefined : text(value);
}

function num(value: JsonValue | undefined): number {
  if (typeof value !== "number")
    throw new ExportError(`expected a number, found ${JSON.stringify(value)}`);
  return value;
}

function list(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.map((entry) => text(entry)) : [];
}
