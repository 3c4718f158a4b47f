/**
 * Checks a loaded seed set against the contract in `seeds/README.md`: every record against its
 * schema, every quote against its document, every relationship against the vocabulary, every name
 * against every other. Problems are collected, not thrown, so one run lists everything to fix.
 */

import { createHash } from "node:crypto";

import { normalizeName } from "../model/names";
import { RESERVED_RELATIONSHIP_KEYS } from "../model/records";
import { ENTITY_KINDS, RELATION_SPECS, type RelationSpec } from "../model/vocabulary";
import { RECORDS_FILE } from "./load";
import {
  createEntitySchema,
  documentSchema,
  graphRecordsSchema,
  parseRecord,
  relationshipSchema,
} from "./schema";
import type {
  CheckedDocument,
  CheckedSeedSet,
  Entity,
  GraphRecords,
  Quote,
  Relationship,
  SeedProblem,
  SeedSet,
  SourcedRecord,
  Vocabulary,
} from "./types";

/** The project's vocabulary, read when a check runs so that it sees the curator's latest list. */
export const DEFAULT_VOCABULARY: Vocabulary = { kinds: ENTITY_KINDS, relations: RELATION_SPECS };

export interface SeedCheck {
  readonly problems: readonly SeedProblem[];
  readonly checked: CheckedSeedSet;
}

export interface SeedCounts {
  readonly documents: number;
  readonly entities: number;
  readonly relationships: number;
  readonly facts: number;
  /** Mentions, facts and relationship evidence: every quote the check located in its document. */
  readonly quotes: number;
}

/**
 * Lists every problem of a seed set; an empty list means it may be seeded.
 *
 * @example
 * const problems = validateSeedSet(await loadSeedSet("seeds"));
 * for (const p of problems) console.log(`${p.file}: ${p.record}: ${p.reason}`);
 */
export function validateSeedSet(
  set: SeedSet,
  vocabulary: Vocabulary = DEFAULT_VOCABULARY,
): SeedProblem[] {
  return [...checkSeedSet(set, vocabulary).problems];
}

/**
 * Like {@link validateSeedSet}, and also returns the records that passed their schema, typed, for
 * the seeder. Those records are the whole seed set only when `problems` is empty.
 */
export function checkSeedSet(set: SeedSet, vocabulary: Vocabulary = DEFAULT_VOCABULARY): SeedCheck {
  const problems: SeedProblem[] = [];
  const documents = checkDocuments(set, problems);
  const texts = new Map(documents.map((document) => [document.record.id, document.text]));
  const copies = new Map(
    documents.map((document) => [document.record.id, repeatedCopies(document.text ?? "")]),
  );
  const entities = checkEntities(set, vocabulary, texts, problems);
  const relationships = checkRelationships(set, vocabulary, entities, texts, problems);
  checkNames(entities, problems);
  checkCalibration(entities, relationships, texts, copies, problems);
  const records = checkRecords(set, texts, problems);
  return {
    problems,
    checked: { documents, entities, relationships, ...(records === undefined ? {} : { records }) },
  };
}

/** `records.json` (written by export), when the folder has one: its shape and its passages. */
function checkRecords(
  set: SeedSet,
  texts: Texts,
  problems: SeedProblem[],
): GraphRecords | undefined {
  if (set.records === undefined) return undefined;
  const report = (reason: string): void => {
    problems.push({ file: RECORDS_FILE, record: "records", reason });
  };
  const parsed = parseRecord(graphRecordsSchema, set.records);
  if (!parsed.ok) {
    parsed.reasons.forEach(report);
    return undefined;
  }
  parsed.value.passages.forEach((quote, i) => checkQuote(quote, `passages[${i}]`, texts, report));
  return parsed.value;
}

/** The numbers `seeds:check` reports for a checked seed set. */
export function countSeedSet(seeds: CheckedSeedSet): SeedCounts {
  let facts = 0;
  let quotes = 0;
  for (const { record } of seeds.entities) {
    facts += record.facts.length;
    quotes += record.mentions.length + record.facts.length;
  }
  for (const { record } of seeds.relationships) quotes += record.evidence.length;
  return {
    documents: seeds.documents.length,
    entities: seeds.entities.length,
    relationships: seeds.relationships.length,
    facts,
    quotes,
  };
}

type Texts = ReadonlyMap<string, string | undefined>;

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function checkDocuments(set: SeedSet, problems: SeedProblem[]): CheckedDocument[] {
  const checked: CheckedDocument[] = [];
  const firstFile = new Map<string, string>();
  for (const loaded of set.documents) {
    const label = stringField(loaded.record, "id") ?? `documents[${loaded.index}]`;
    const report = (reason: string): void => {
      problems.push({ file: loaded.file, record: label, reason });
    };
    const parsed = parseRecord(documentSchema, loaded.record);
    if (!parsed.ok) {
      parsed.reasons.forEach(report);
      continue;
    }
    const document = parsed.value;
    const earlier = firstFile.get(document.id);
    if (earlier !== undefined) {
      report(`duplicate document id; first defined in ${earlier}`);
      continue;
    }
    firstFile.set(document.id, loaded.file);

    let text: string | undefined;
    if (loaded.bytes === undefined) {
      report(`document file '${document.file}' not found in documents/`);
    } else {
      const actual = createHash("sha256").update(loaded.bytes).digest("hex");
      if (actual !== document.sha256) {
        report(
          `sha256 mismatch: recorded ${document.sha256}, documents/${document.file} hashes to ${actual}`,
        );
      }
      try {
        text = utf8.decode(loaded.bytes);
      } catch {
        report(`documents/${document.file} is not valid UTF-8`);
      }
    }
    checked.push({ file: loaded.file, index: loaded.index, record: document, text });
  }
  return checked;
}

function checkEntities(
  set: SeedSet,
  vocabulary: Vocabulary,
  texts: Texts,
  problems: SeedProblem[],
): SourcedRecord<Entity>[] {
  const schema = createEntitySchema(vocabulary.kinds);
  const checked: SourcedRecord<Entity>[] = [];
  const firstFile = new Map<string, string>();
  for (const loaded of set.entities) {
    const label = stringField(loaded.record, "id") ?? `entities[${loaded.index}]`;
    const report = (reason: string): void => {
      problems.push({ file: loaded.file, record: label, reason });
    };
    const parsed = parseRecord(schema, loaded.record);
    if (!parsed.ok) {
      parsed.reasons.forEach(report);
      continue;
    }
    const entity = parsed.value;
    const earlier = firstFile.get(entity.id);
    if (earlier !== undefined) {
      report(`duplicate entity id; first defined in ${earlier}`);
      continue;
    }
    firstFile.set(entity.id, loaded.file);

    const names = new Set(namesOf(entity).map(normalizeName));
    for (const alias of entity.ambiguousAliases ?? []) {
      if (!names.has(normalizeName(alias))) {
        report(`ambiguousAliases: '${alias}' is not a name or alias of this entity`);
      }
    }
    entity.mentions.forEach((mention, i) => checkQuote(mention, `mentions[${i}]`, texts, report));
    (entity.automaticMentions ?? []).forEach((mention, i) =>
      checkQuote(mention, `automaticMentions[${i}]`, texts, report),
    );
    entity.facts.forEach((fact, i) => checkQuote(fact, `facts[${i}]`, texts, report));
    // A key stated again is another version of the fact, stored under `${entity.id}:${key}@${doc}`
    // (factId): a key repeated in one document would overwrite the first.
    entity.facts.forEach((fact, i) => {
      const first = entity.facts.findIndex(
        (other) => other.key === fact.key && other.doc === fact.doc,
      );
      if (first !== i)
        report(
          `facts[${i}]: duplicate fact key '${fact.key}' in document ${fact.doc}, also facts[${first}]`,
        );
    });
    checked.push({ file: loaded.file, index: loaded.index, record: entity });
  }
  return checked;
}

function checkRelationships(
  set: SeedSet,
  vocabulary: Vocabulary,
  entities: readonly SourcedRecord<Entity>[],
  texts: Texts,
  problems: SeedProblem[],
): SourcedRecord<Relationship>[] {
  const specs = new Map<string, RelationSpec>(
    vocabulary.relations.map((spec) => [spec.type, spec]),
  );
  const entitiesById = new Map(entities.map(({ record }) => [record.id, record]));
  // An entity that failed its schema has already been reported; its id still exists, so links to it
  // are not also reported as dangling.
  const knownIds = new Set<string>();
  for (const { record } of set.entities) {
    const id = stringField(record, "id");
    if (id !== undefined) knownIds.add(id);
  }

  const checked: SourcedRecord<Relationship>[] = [];
  const firstFile = new Map<string, string>();
  for (const loaded of set.relationships) {
    const label = relationshipLabel(loaded.record) ?? `relationships[${loaded.index}]`;
    const report = (reason: string): void => {
      problems.push({ file: loaded.file, record: label, reason });
    };
    const parsed = parseRecord(relationshipSchema, loaded.record);
    if (!parsed.ok) {
      parsed.reasons.forEach(report);
      continue;
    }
    const relationship = parsed.value;
    const key = `${relationship.source}\u0000${relationship.type}\u0000${relationship.target}`;
    const earlier = firstFile.get(key);
    if (earlier !== undefined) {
      report(`duplicate relationship; first defined in ${earlier}`);
      continue;
    }
    firstFile.set(key, loaded.file);
    for (const reserved of RESERVED_RELATIONSHIP_KEYS) {
      if (relationship.properties?.[reserved] !== undefined) {
        report(`property "${reserved}" is reserved for provenance; rename it`);
      }
    }

    for (const end of ["source", "target"] as const) {
      if (!knownIds.has(relationship[end])) {
        report(`dangling endpoint: ${end} '${relationship[end]}' is not an entity`);
      }
    }
    const spec = specs.get(relationship.type);
    const source = entitiesById.get(relationship.source);
    const target = entitiesById.get(relationship.target);
    if (spec === undefined) {
      report(`unknown relationship type '${relationship.type}'`);
    } else if (source !== undefined && target !== undefined) {
      if (!spec.from.includes(source.kind) || !spec.to.includes(target.kind)) {
        report(
          `disallowed relationship: ${source.kind} -${spec.type}-> ${target.kind}, ` +
            `${spec.type} allows ${spec.from.join("|")} -> ${spec.to.join("|")}`,
        );
      }
    }
    relationship.evidence.forEach((quote, i) => checkQuote(quote, `evidence[${i}]`, texts, report));
    checked.push({ file: loaded.file, index: loaded.index, record: relationship });
  }
  return checked;
}

/** How often a sentence must recur verbatim before its later copies are boilerplate. */
export const REPEATED_SENTENCE_MIN = 3;

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * The spans of the later copies (all but the first) of every sentence the text repeats verbatim at
 * least {@link REPEATED_SENTENCE_MIN} times. Sentences end at 。！？ or a line break (a heading or
 * a caption has no full stop) and are compared trimmed.
 *
 * @example repeatedCopies("甲。甲。甲。乙。") // [{ start: 2, end: 3 }, { start: 4, end: 5 }]
 */
export function repeatedCopies(text: string): Span[] {
  const sentences: (Span & { readonly text: string })[] = [];
  for (const match of text.matchAll(/[^。！？\n]+/gu)) {
    const trimmed = match[0].trim();
    if (trimmed === "") continue;
    const start = match.index + match[0].indexOf(trimmed);
    sentences.push({ start, end: start + trimmed.length, text: trimmed });
  }
  const counts = new Map<string, number>();
  for (const { text: sentence } of sentences) counts.set(sentence, (counts.get(sentence) ?? 0) + 1);
  const seen = new Set<string>();
  const copies: Span[] = [];
  for (const sentence of sentences) {
    if ((counts.get(sentence.text) ?? 0) < REPEATED_SENTENCE_MIN) continue;
    if (seen.has(sentence.text)) copies.push({ start: sentence.start, end: sentence.end });
    seen.add(sentence.text);
  }
  return copies;
}

// A note "says why" a quote sits in a later copy of a repeated sentence when it mentions the repetition.
const REPETITION_NOTE = /repeat|boilerplate|cop(?:y|ies)|重复/iu;
// Words by which a text states a threshold crossed rather than an amount.
const THRESHOLD_WORDS = /突破|超过|逾/u;

/**
 * The checks of how a record is calibrated against its quotes, beyond their being verbatim:
 * - a quote inside a later copy of a sentence the document repeats verbatim (boilerplate) is
 *   refused, for a relationship unless its note says why; quote the genuine sentence, or the first
 *   copy when only the boilerplate states it;
 * - a fact whose quote says 突破/超过/逾 (a threshold crossed) needs a qualifier saying so;
 * - an entity name found in no document (whitespace aside) must be flagged `nameInferred`;
 * - an `explicit` relationship must name an end in its quotes (by name, English name, alias or
 *   later name); one whose quotes name only one end, the other a Program (a list, measure, task or
 *   item heading), rests on the item's place in that list and must be `positional`; a
 *   `positional` one must name its item.
 */
function checkCalibration(
  entities: readonly SourcedRecord<Entity>[],
  relationships: readonly SourcedRecord<Relationship>[],
  texts: Texts,
  copies: ReadonlyMap<string, readonly Span[]>,
  problems: SeedProblem[],
): void {
  const inCopy = (quote: Quote): boolean =>
    (copies.get(quote.doc) ?? []).some(
      (copy) => quote.start >= copy.start && quote.start + quote.quote.length <= copy.end,
    );
  const boilerplate = (path: string, quote: Quote): string =>
    `${path}: quote '${abbreviate(quote.quote)}' at ${quote.start} lies in a later copy of a sentence ` +
    `the document repeats verbatim ${REPEATED_SENTENCE_MIN}+ times; quote the genuine sentence, or the first copy`;
  const documentTexts = [...texts.values()].filter((text) => text !== undefined);
  const flatTexts = documentTexts.map(collapseSpace);

  for (const { file, record: entity } of entities) {
    const report = (reason: string): void => {
      problems.push({ file, record: entity.id, reason });
    };
    entity.mentions.forEach((mention, i) => {
      if (inCopy(mention)) report(boilerplate(`mentions[${i}]`, mention));
    });
    entity.facts.forEach((fact, i) => {
      if (inCopy(fact)) report(boilerplate(`facts[${i}]`, fact));
      const threshold = THRESHOLD_WORDS.exec(fact.quote);
      if (threshold !== null && (fact.qualifier ?? "").trim() === "") {
        report(
          `facts[${i}]: the quote says ${threshold[0]} (a threshold crossed, not an amount); ` +
            "add a qualifier saying so",
        );
      }
    });
    const name = collapseSpace(entity.name);
    // A name that came through the API or an import was not read off a document.
    const fromApi = entity.curated === true || entity.importSet !== undefined;
    if (
      !fromApi &&
      entity.nameInferred !== true &&
      documentTexts.length > 0 &&
      !flatTexts.some((text) => text.includes(name))
    ) {
      report(
        `name '${entity.name}' occurs in no document; set nameInferred: true and say in the ` +
          "description how the name was made",
      );
    }
  }

  const entitiesById = new Map(entities.map(({ record }) => [record.id, record]));
  for (const { file, record: relationship } of relationships) {
    const report = (reason: string): void => {
      problems.push({
        file,
        record: `${relationship.source} -${relationship.type}-> ${relationship.target}`,
        reason,
      });
    };
    const explained = REPETITION_NOTE.test(relationship.note ?? "");
    relationship.evidence.forEach((quote, i) => {
      if (inCopy(quote) && !explained) {
        report(`${boilerplate(`evidence[${i}]`, quote)}, and say so in the note`);
      }
    });

    const source = entitiesById.get(relationship.source);
    const target = entitiesById.get(relationship.target);
    if (source === undefined || target === undefined) continue;
    const quotes = relationship.evidence.map(({ quote }) => normalizeName(quote));
    const named = (entity: Entity): boolean =>
      nameFormsOf(entity).some((form) => quotes.some((quote) => quote.includes(form)));
    const namesSource = named(source);
    const namesTarget = named(target);
    if (relationship.evidenceKind === "explicit") {
      if (!namesSource && !namesTarget) {
        report(
          "explicit, but its quotes name neither end (by any name form); quote a passage that " +
            "names one, or label it inferred with a note",
        );
      } else if (namesSource !== namesTarget) {
        const unnamed = namesSource ? target : source;
        if (unnamed.kind === "Program") {
          report(
            `explicit, but its quotes name only one end, not the Program '${unnamed.id}' it falls ` +
              "under: the link rests on the item's place in the list; label it positional",
          );
        }
      }
    } else if (relationship.evidenceKind === "positional" && !namesSource && !namesTarget) {
      report("positional, but its quotes name neither end; a positional quote must show the item");
    }
  }
}

function nameFormsOf(entity: Entity): string[] {
  return [...namesOf(entity), ...laterFormsOf(entity)].map(normalizeName).filter((f) => f !== "");
}

// Names are compared with the text with whitespace aside: a line break of the text may stand where a
// name has a space (a title printed over two lines).
function collapseSpace(text: string): string {
  return text.replace(/\s+/gu, "");
}

function checkQuote(
  quote: Quote,
  path: string,
  texts: Texts,
  report: (reason: string) => void,
): void {
  if (!texts.has(quote.doc)) {
    report(`${path}: unknown document '${quote.doc}'`);
    return;
  }
  const text = texts.get(quote.doc);
  // The document itself is missing or unreadable, which is already reported once.
  if (text === undefined) return;
  if (text.slice(quote.start, quote.start + quote.quote.length) === quote.quote) return;

  const shown = abbreviate(quote.quote);
  const found = nearestOccurrence(text, quote.quote, quote.start);
  report(
    found === undefined
      ? `${path}: quote '${shown}' does not occur in document ${quote.doc}`
      : `${path}: quote '${shown}' is not at ${quote.start}; found at ${found} instead`,
  );
}

// The nearest occurrence is the likeliest intended one when a quote occurs several times.
function nearestOccurrence(text: string, quote: string, start: number): number | undefined {
  let best: number | undefined;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    if (best === undefined || Math.abs(at - start) < Math.abs(best - start)) best = at;
  }
  return best;
}

function checkNames(entities: readonly SourcedRecord<Entity>[], problems: SeedProblem[]): void {
  const byName = new Map<string, { shown: string; owners: SourcedRecord<Entity>[] }>();
  for (const sourced of entities) {
    for (const name of namesOf(sourced.record)) {
      const key = normalizeName(name);
      const entry = byName.get(key) ?? { shown: name, owners: [] };
      if (!entry.owners.includes(sourced)) entry.owners.push(sourced);
      byName.set(key, entry);
    }
  }
  checkLaterNames(entities, byName, problems);
  for (const [key, { shown, owners }] of byName) {
    if (owners.length < 2) continue;
    const undeclared = owners.filter(
      ({ record }) =>
        !(record.ambiguousAliases ?? []).some((alias) => normalizeName(alias) === key),
    );
    const first = undeclared[0];
    if (first === undefined) continue;
    const ids = owners.map(({ record }) => record.id);
    problems.push({
      file: first.file,
      record: first.record.id,
      reason:
        `alias '${shown}' resolves to ${listing(ids)}; ` +
        `declare it in ambiguousAliases of ${ids.length === 2 ? "both" : "all of them"} or remove it`,
    });
  }
}

/**
 * A later name is outside knowledge about one entity: it may repeat that entity's own names (an
 * entity the seeds already call by its later name), but never name another entity, whether as
 * one of its names or as one of its later names. No ambiguousAliases declaration lifts this.
 */
function checkLaterNames(
  entities: readonly SourcedRecord<Entity>[],
  byName: ReadonlyMap<string, { owners: SourcedRecord<Entity>[] }>,
  problems: SeedProblem[],
): void {
  const byLaterName = new Map<string, SourcedRecord<Entity>[]>();
  for (const sourced of entities) {
    for (const form of laterFormsOf(sourced.record)) {
      const key = normalizeName(form);
      const owners = byLaterName.get(key) ?? [];
      if (!owners.includes(sourced)) owners.push(sourced);
      byLaterName.set(key, owners);
    }
  }
  for (const sourced of entities) {
    sourced.record.laterNames.forEach((later, i) => {
      for (const form of [later.name, ...(later.nameEn === undefined ? [] : [later.nameEn])]) {
        const key = normalizeName(form);
        const others = [...(byName.get(key)?.owners ?? []), ...(byLaterName.get(key) ?? [])].filter(
          (owner) => owner !== sourced,
        );
        const ids = [...new Set(others.map(({ record }) => record.id))];
        if (ids.length === 0) continue;
        problems.push({
          file: sourced.file,
          record: sourced.record.id,
          reason: `laterNames[${i}]: '${form}' is already a name of ${listing(ids)}; a later name must name this entity only`,
        });
      }
    });
  }
}

function laterFormsOf(entity: Entity): string[] {
  return entity.laterNames.flatMap((later) =>
    later.nameEn === undefined ? [later.name] : [later.name, later.nameEn],
  );
}

function namesOf(entity: Entity): string[] {
  return [entity.name, ...(entity.nameEn === undefined ? [] : [entity.nameEn]), ...entity.aliases];
}

function listing(items: readonly string[]): string {
  return items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} and ${items.at(-1) ?? ""}`;
}

function abbreviate(quote: string): string {
  const oneLine = quote.replace(/\n/gu, "\\n");
  return oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine;
}

function stringField(record: unknown, key: string): string | undefined {
  if (typeof record !== "object" || record === null || Array.isArray(record)) return undefined;
  const value: unknown = (record as Record<string, unknown>)[key];
  return typeof value === "string" ? value : undefined;
}

function relationshipLabel(record: unknown): string | undefined {
  const source = stringField(record, "source");
  const type = stringField(record, "type");
  const target = stringField(record, "target");
  if (source === undefined || type === undefined || target === undefined) return undefined;
  return `${source} -${type}-> ${target}`;
}
