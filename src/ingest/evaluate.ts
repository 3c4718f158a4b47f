/**
 * Measures the extraction on a document whose curated graph is known (the seed document, read as
 * if new): entity and relationship recall and precision with an empty graph, and mention recall
 * with the curated graph present (issue 15, "Done when"). Pure: the caller loads the seeds.
 */

import { normalizeName } from "../model/names";
import type { FoundMention, NameFormOf } from "../seeds/mentions";
import type { Entity, Relationship } from "../seeds/types";
import { nameForms } from "../services/seed-rows";
import { proposeCandidates, type CandidateEnd, type ProposedCandidates } from "./candidates";
import type { Passage } from "./passages";

/** A count of something missed or wrongly proposed, most frequent first. */
export interface Tally {
  readonly item: string;
  readonly count: number;
}

export interface Evaluation {
  readonly entities: {
    readonly recall: number;
    readonly precision: number;
    readonly seeds: number;
    readonly matched: number;
    readonly candidates: number;
    readonly correct: number;
  };
  readonly relationships: {
    readonly recall: number;
    readonly precision: number;
    readonly seeds: number;
    readonly matched: number;
    readonly candidates: number;
    readonly correct: number;
  };
  readonly mentions: { readonly recall: number; readonly seeds: number; readonly found: number };
  readonly misses: {
    readonly entities: Tally[];
    readonly entityFalsePositives: Tally[];
    readonly relationships: Tally[];
    readonly relationshipFalsePositives: Tally[];
    readonly mentions: Tally[];
  };
}

/** The curated truth for one document. */
export interface Truth {
  readonly documentId: string;
  readonly entities: readonly Entity[];
  readonly relationships: readonly Relationship[];
}

const TOP = 10;

/** Every name form of every entity, as the seeder and the ingest service give them. */
export function knownFormsOf(entities: readonly Entity[]): NameFormOf[] {
  return entities.flatMap((entity) =>
    nameForms(entity).map((form) => ({ form, entityId: entity.id })),
  );
}

/**
 * Scores the candidates proposed from `text` against `truth`.
 * @example evaluate(text, splitPassages(text), truth).entities.recall // 0.87
 */
export function evaluate(text: string, passages: readonly Passage[], truth: Truth): Evaluation {
  const forms = knownFormsOf(truth.entities);
  const idsByForm = new Map<string, Set<string>>();
  for (const { form, entityId } of forms) {
    const key = normalizeName(form);
    idsByForm.set(key, (idsByForm.get(key) ?? new Set()).add(entityId));
  }
  const idsOf = (name: string): ReadonlySet<string> =>
    idsByForm.get(normalizeName(name)) ?? new Set();
  const nameOf = new Map(truth.entities.map((e) => [e.id, e.name]));

  const proposed: ProposedCandidates = proposeCandidates(text, passages, []);
  const entities = scoreEntities(proposed, truth, idsOf);
  const relationships = scoreRelationships(proposed, truth, idsOf, nameOf);
  const mentions = scoreMentions(proposeCandidates(text, passages, forms).mentions, truth);
  return {
    entities: entities.entities,
    relationships: relationships.relationships,
    mentions: mentions.mentions,
    misses: { ...entities.misses, ...relationships.misses, ...mentions.misses },
  };
}

function scoreEntities(
  proposed: ProposedCandidates,
  truth: Truth,
  idsOf: (name: string) => ReadonlySet<string>,
) {
  const matchedIds = new Set<string>();
  let correct = 0;
  const falsePositives: Tally[] = [];
  for (const candidate of proposed.entities) {
    const ids = idsOf(candidate.name);
    if (ids.size > 0) correct += 1;
    else
      falsePositives.push({
        item: `${candidate.name} (${candidate.kind}, ${candidate.rule})`,
        count: candidate.occurrences.length,
      });
    for (const id of ids) matchedIds.add(id);
  }
  const missed = truth.entities
    .filter((e) => !matchedIds.has(e.id))
    .map((e) => ({ item: `${e.name} (${e.kind})`, count: e.mentions.length }));
  return {
    entities: {
      recall: ratio(matchedIds.size, truth.entities.length),
      precision: ratio(correct, proposed.entities.length),
      seeds: truth.entities.length,
      matched: matchedIds.size,
      candidates: proposed.entities.length,
      correct,
    },
    misses: { entities: top(missed), entityFalsePositives: top(falsePositives) },
  };
}

function scoreRelationships(
  proposed: ProposedCandidates,
  truth: Truth,
  idsOf: (name: string) => ReadonlySet<string>,
  nameOf: ReadonlyMap<string, string>,
) {
  const stated = truth.relationships.filter((r) => r.evidenceKind === "explicit");
  const endIds = (end: CandidateEnd) =>
    end.entityId === null ? idsOf(end.name) : new Set([end.entityId]);
  const found = new Set<Relationship>();
  let correct = 0;
  const falsePositives: Tally[] = [];
  for (const candidate of proposed.relationships) {
    const sources = endIds(candidate.source);
    const targets = endIds(candidate.target);
    const hits = stated.filter(
      (r) => r.type === candidate.type && sources.has(r.source) && targets.has(r.target),
    );
    if (hits.length > 0) correct += 1;
    else
      falsePositives.push({
        item: `${candidate.source.name} -${candidate.type}-> ${candidate.target.name} (${candidate.rule})`,
        count: 1,
      });
    for (const hit of hits) found.add(hit);
  }
  const byType = new Map<string, number>();
  for (const r of stated) if (!found.has(r)) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
  const missed = stated
    .filter((r) => !found.has(r))
    .map((r) => ({
      item: `${nameOf.get(r.source) ?? r.source} -${r.type}-> ${nameOf.get(r.target) ?? r.target}`,
      count: byType.get(r.type) ?? 0,
    }));
  return {
    relationships: {
      recall: ratio(found.size, stated.length),
      precision: ratio(correct, proposed.relationships.length),
      seeds: stated.length,
      matched: found.size,
      candidates: proposed.relationships.length,
      correct,
    },
    misses: { relationships: top(missed), relationshipFalsePositives: top(falsePositives) },
  };
}

function scoreMentions(found: readonly FoundMention[], truth: Truth) {
  let seeds = 0;
  let hits = 0;
  const missedBy = new Map<string, number>();
  for (const entity of truth.entities) {
    for (const mention of entity.mentions) {
      if (mention.doc !== truth.documentId) continue;
      seeds += 1;
      const stop = mention.start + mention.quote.length;
      const hit = found.some(
        (m) =>
          m.entityId === entity.id && m.start >= mention.start && m.start + m.quote.length <= stop,
      );
      if (hit) hits += 1;
      else missedBy.set(entity.name, (missedBy.get(entity.name) ?? 0) + 1);
    }
  }
  return {
    mentions: { recall: ratio(hits, seeds), seeds, found: hits },
    misses: { mentions: top([...missedBy].map(([item, count]) => ({ item, count }))) },
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function top(tallies: readonly Tally[]): Tally[] {
  return [...tallies]
    .sort((a, b) => b.count - a.count || a.item.localeCompare(b.item))
    .slice(0, TOP);
}
