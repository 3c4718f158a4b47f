import { pinyinKey, pinyinSortKey } from "../model/pinyin";
import { propTextOf } from "../model/records";
import type { NameVia, Props, RecordLabel, SeedRows } from "../model/seed-rows";
import { normalizeName } from "../model/names";
import { findMentions } from "../seeds/mentions";
import type {
  CheckedSeedSet,
  Entity,
  GraphRecords,
  Quote,
  Relationship,
  ScalarOrList,
} from "../seeds/types";

/**
 * Turns a validated seed set into the rows of the batched seeding queries. Pure: no I/O, so the
 * shape of what reaches Neo4j is unit-tested on its own.
 */

export function passageId(quote: Quote): string {
  return `${quote.doc}:${quote.start}-${quote.start + quote.quote.length}`;
}

/**
 * The id of a Fact node: `${entityId}:${key}` for the first version of a key, and
 * `${entityId}:${key}@${documentId}` for a version a later document states (documentId given):
 * the first keeps its id, so a restated fact never overwrites it. An export lists an entity's
 * facts by id, which puts each key's first version before the others, as seeding expects.
 */
export function factId(entityId: string, key: string, documentId: string | null): string {
  return documentId === null ? `${entityId}:${key}` : `${entityId}:${key}@${documentId}`;
}

export function relationshipId(rel: Pick<Relationship, "source" | "type" | "target">): string {
  return `${rel.source}|${rel.type}|${rel.target}`;
}

/**
 * Every name-form key of an entity with how it names it: the normalised document forms, then its
 * later names (Chinese and English), then the pinyin keys of every Chinese form. A key that
 * several of these give keeps the first (郫县's pinyin `pixian` is also its alias Pixian: `name`).
 */
export function nameFormKeys(
  entity: Pick<Entity, "name" | "nameEn" | "aliases" | "laterNames">,
): { key: string; via: NameVia }[] {
  const later = entity.laterNames.flatMap((l) =>
    l.nameEn === undefined ? [l.name] : [l.name, l.nameEn],
  );
  const byKey = new Map<string, NameVia>();
  const add = (key: string | null, via: NameVia): void => {
    if (key !== null && key.length > 0 && !byKey.has(key)) byKey.set(key, via);
  };
  const documentForms = nameForms(entity);
  for (const form of documentForms) add(normalizeName(form), "name");
  for (const form of later) add(normalizeName(form), "later");
  for (const form of [...documentForms, ...later]) add(pinyinKey(form), "pinyin");
  return [...byKey].map(([key, via]) => ({ key, via }));
}

/**
 * What the full-text index reads besides name and nameEn (its field aliasText): the aliases, the
 * later names and the pinyin keys of every Chinese form, so search finds 双流区 and shuangliu too.
 */
export function searchText(
  entity: Pick<Entity, "name" | "nameEn" | "aliases" | "laterNames">,
): string {
  const later = entity.laterNames.flatMap((l) =>
    l.nameEn === undefined ? [l.name] : [l.name, l.nameEn],
  );
  const pinyin = [...nameForms(entity), ...later].map(pinyinKey).filter((key) => key !== null);
  return [...new Set([...entity.aliases, ...later, ...pinyin])].join(" | ");
}

/** Every name form of an entity: name, English name and aliases, without repeats. */
export function nameForms(entity: Pick<Entity, "name" | "nameEn" | "aliases">): string[] {
  const forms = [
    entity.name,
    ...(entity.nameEn === undefined ? [] : [entity.nameEn]),
    ...entity.aliases,
  ];
  return [...new Set(forms)];
}

export function buildSeedRows(set: CheckedSeedSet): SeedRows {
  const passages = new Map<string, { id: string; documentId: string; props: Props }>();
  const addPassage = (quote: Quote): string => {
    const id = passageId(quote);
    if (!passages.has(id)) {
      passages.set(id, {
        id,
        documentId: quote.doc,
        props: {
          id,
          documentId: quote.doc,
          start: quote.start,
          end: quote.start + quote.quote.length,
          text: quote.quote,
        },
      });
    }
    return id;
  };

  const documents = set.documents.map(({ record, text }) => ({
    id: record.id,
    props: {
      id: record.id,
      title: record.title,
      file: record.file,
      sha256: record.sha256,
      language: record.language,
      // Kept in the graph so a curator's quote can be checked against it inside the write.
      text: text ?? null,
      ...definedOnly({
        date: record.date,
        dateNote: record.dateNote,
        issuer: record.issuer,
        source: record.source,
        sourceFile: record.sourceFile,
        format: record.format,
        pages: record.pages,
        passageCount: record.passageCount,
        repeatedPassages: record.repeatedPassages,
        origin: record.origin,
        ingestedBy: record.ingestedBy,
        ingestedAt: record.ingestedAt,
      }),
    },
  }));

  const entities: SeedRows["entities"] = [];
  const nameFormRows: SeedRows["nameForms"] = [];
  const mentions: SeedRows["mentions"] = [];
  const facts: SeedRows["facts"] = [];
  for (const { record: entity } of set.entities) {
    entities.push({
      id: entity.id,
      kind: entity.kind,
      props: {
        id: entity.id,
        kind: entity.kind,
        name: entity.name,
        namePinyin: pinyinSortKey(entity.name),
        nameEn: entity.nameEn ?? null,
        nameEnOfficial: entity.nameEnOfficial ?? null,
        nameInferred: entity.nameInferred ?? false,
        aliases: [...entity.aliases],
        // Outside knowledge, read back whole by the API (a property holds no list of maps).
        laterNames: entity.laterNames.length === 0 ? null : JSON.stringify(entity.laterNames),
        description: entity.description ?? null,
        aliasText: searchText(entity),
        // Exported records only; absent keys leave what an import or a curator wrote alone.
        ...definedOnly({
          curated: entity.curated,
          importSet: entity.importSet,
          chainPosition: entity.chainPosition,
          citations: entity.citations === undefined ? undefined : [...entity.citations],
        }),
      },
    });
    for (const { key, via } of nameFormKeys(entity))
      nameFormRows.push({ key, entityId: entity.id, via });
    for (const mention of entity.mentions) {
      const kind = mention.attached === true ? null : "curated";
      mentions.push({ entityId: entity.id, passageId: addPassage(mention), kind });
    }
    const keys = new Set<string>();
    for (const fact of entity.facts) {
      const id = factId(entity.id, fact.key, keys.has(fact.key) ? fact.doc : null);
      keys.add(fact.key);
      facts.push({
        id,
        entityId: entity.id,
        passageId: addPassage(fact),
        props: {
          id,
          key: fact.key,
          label: fact.label,
          value: fact.value,
          unit: fact.unit,
          qualifier: fact.qualifier ?? null,
          quote: fact.quote,
        },
      });
    }
  }

  for (const found of automaticMentions(set)) {
    mentions.push({ entityId: found.entityId, passageId: addPassage(found), kind: "automatic" });
  }

  const relationships = set.relationships.map(({ record: rel }) => ({
    source: rel.source,
    type: rel.type,
    target: rel.target,
    props: {
      ...(rel.properties ?? {}),
      propText: propTextOf(rel.properties),
      id: relationshipId(rel),
      evidence: rel.evidence.map(addPassage),
      quotes: rel.evidence.map((quote) => quote.quote),
      evidenceKind: rel.evidenceKind,
      confidence: rel.confidence,
      note: rel.note ?? null,
      ...definedOnly({ citation: rel.citation, importSet: rel.importSet }),
    },
  }));

  const records = set.records;
  for (const quote of records?.passages ?? []) addPassage(quote);

  return {
    documents,
    passages: [...passages.values()],
    entities,
    nameForms: nameFormRows,
    mentions,
    facts,
    relationships,
    records: [
      ...recordRows("Tombstone", records?.tombstones),
      ...recordRows("Audit", records?.audits),
      ...recordRows("ChainMapImport", records?.chainMapImports),
      ...recordRows("Candidate", records?.candidates),
    ],
    mutations: (records?.mutations ?? []).map((record) => {
      const { at, props } = splitAt(record);
      return { key: String(record.key), at, props };
    }),
  };
}

function recordRows(
  label: RecordLabel,
  records: GraphRecords["tombstones"] | undefined,
): NonNullable<SeedRows["records"]> {
  return (records ?? []).map((record) => {
    const { at, props } = splitAt(record);
    return { label, id: String(record.id), at, props };
  });
}

/** A stored record's datetime apart (the query writes it as one), and its other values. */
function splitAt(record: Readonly<Record<string, ScalarOrList>>): { at: string; props: Props } {
  const { at, ...rest } = record;
  const props: Props = {};
  for (const [key, value] of Object.entries(rest))
    props[key] = Array.isArray(value) ? value.map(String) : (value as string | number | boolean);
  return { at: String(at), props };
}

function definedOnly(values: Record<string, Props[string] | undefined>): Props {
  const out: Props = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value;
  return out;
}

/**
 * Every place a document names an entity by one of its name forms (longest match first, see
 * findMentions), but those that fall inside a curated quote of the same entity: that quote is
 * already its evidence there.
 */
function automaticMentions(set: CheckedSeedSet): (Quote & { entityId: string })[] {
  const forms = set.entities.flatMap(({ record: entity }) =>
    nameForms(entity).map((form) => ({ form, entityId: entity.id })),
  );
  const curated = new Map<string, Quote[]>();
  for (const { record: entity } of set.entities) curated.set(entity.id, [...entity.mentions]);
  const found: (Quote & { entityId: string })[] = [];
  for (const { record: document, text } of set.documents) {
    if (text === undefined) continue;
    for (const mention of findMentions(text, forms)) {
      const covered = (curated.get(mention.entityId) ?? []).some(
        (quote) =>
          quote.doc === document.id &&
          quote.start <= mention.start &&
          mention.start + mention.quote.length <= quote.start + quote.quote.length,
      );
      if (!covered) {
        found.push({
          doc: document.id,
          start: mention.start,
          quote: mention.quote,
          entityId: mention.entityId,
        });
      }
    }
  }
  // An exported entity whose automatic mentions are not what the scan finds lists them itself; the
  // scan still runs with its forms, so the longest match elsewhere stays what it was.
  const listed = set.entities.filter(({ record }) => record.automaticMentions !== undefined);
  const overridden = new Set(listed.map(({ record }) => record.id));
  return [
    ...found.filter((mention) => !overridden.has(mention.entityId)),
    ...listed.flatMap(({ record }) =>
      (record.automaticMentions ?? []).map((quote) => ({ ...quote, entityId: record.id })),
    ),
  ];
}
