/**
 * Candidates for review from a new document's text: entities proposed by naming patterns,
 * relationships by triggers and name shapes (typed only where the vocabulary allows the ends),
 * and stated numbers as facts. Entities the graph already knows are found by their name forms
 * (longest first) and are never proposed again; they still serve as relationship ends. Pure: the
 * caller stores what it gets (issue 15).
 */

import { normalizeName } from "../model/names";
import type { EntityKind } from "../model/vocabulary";
import { findMentions, type FoundMention, type NameFormOf } from "../seeds/mentions";
import { findEntities } from "./entities";
import { findFacts } from "./facts";
import { passageAt, type Passage } from "./passages";
import { allows, leadingNameLinks, triggerLinks } from "./relations";
import type { Link, Occurrence } from "./spans";

/** Where a candidate's quote lies: verbatim at `start`, inside the passage [passageStart, passageEnd). */
export interface CandidateQuote {
  readonly rule: string;
  readonly confidence: number;
  readonly start: number;
  readonly quote: string;
  readonly passageStart: number;
  readonly passageEnd: number;
}

/** A place the text names an entity candidate. */
export interface CandidateOccurrence {
  readonly start: number;
  readonly quote: string;
}

/** A proposed new entity: its display name and kind, every occurrence, the first as its quote. */
export interface EntityCandidate extends CandidateQuote {
  readonly name: string;
  readonly kind: EntityKind;
  readonly occurrences: readonly CandidateOccurrence[];
}

/**
 * One end of a proposed relationship or the subject of a fact, as the text names it at `start`:
 * an entity the graph knows (`entityId`) or an entity candidate (`candidate`: its name and kind).
 */
export interface CandidateEnd {
  readonly name: string;
  readonly start: number;
  readonly kind: EntityKind;
  readonly entityId: string | null;
  readonly candidate: { readonly name: string; readonly kind: EntityKind } | null;
}

/** A proposed relationship between two ends, with the type the vocabulary allows for them. */
export interface RelationCandidate extends CandidateQuote {
  readonly type: string;
  readonly source: CandidateEnd;
  readonly target: CandidateEnd;
}

/** A proposed stated number of an end (seeds' `facts`: key, label, value, unit, qualifier). */
export interface FactCandidate extends CandidateQuote {
  readonly subject: CandidateEnd;
  readonly key: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly qualifier: string | null;
}

export interface ProposedCandidates {
  /**
   * Mentions of known entities, outside later copies of repeated sentences: every name form
   * (longest first), the forms inside a found mention (the 中国电子科技集团 of
   * 中国电子科技集团国家网络空间安全产业化基地), and rule-found names that are known forms.
   */
  readonly mentions: FoundMention[];
  readonly entities: EntityCandidate[];
  readonly relationships: RelationCandidate[];
  readonly facts: FactCandidate[];
}

/** Optional knowledge about the known entities: their kinds, so they can end relationships. */
export interface KnownEntities {
  readonly kindOf?: ReadonlyMap<string, EntityKind>;
}

/**
 * Proposes candidates from `text` split into `passages` (later copies of repeated sentences are
 * not read), given the name forms of the entities the graph already holds.
 *
 * @example proposeCandidates(text, splitPassages(text), []).entities.map((e) => e.name)
 */
export function proposeCandidates(
  text: string,
  passages: readonly Passage[],
  knownForms: readonly NameFormOf[],
  known: KnownEntities = {},
): ProposedCandidates {
  const findings = findEntities(text, passages);
  const occurrences = markKnown(text, findings.occurrences, knownForms, known);
  const resolved = new Map(findings.occurrences.map((o, i) => [o, occurrences[i] ?? o]));
  const remap = (link: Link): Link => ({
    ...link,
    source: resolved.get(link.source) ?? link.source,
    target: resolved.get(link.target) ?? link.target,
  });
  const links = [
    ...findings.links.map(remap),
    ...triggerLinks(text, passages, occurrences),
    ...leadingNameLinks(occurrences),
  ];
  const where = (start: number, quote: string) => {
    const passage = passageAt(passages, start);
    return {
      passageStart: passage?.start ?? start,
      passageEnd: Math.max(passage?.end ?? start, start + quote.length),
    };
  };
  return {
    mentions: knownMentions(text, passages, knownForms, occurrences),
    entities: entityCandidates(occurrences, where),
    relationships: relationCandidates(text, links, where),
    facts: findFacts(text, passages, occurrences).map((fact) => ({
      rule: fact.rule,
      confidence: 0.5,
      start: fact.start,
      quote: fact.quote,
      ...where(fact.start, fact.quote),
      subject: endOf(fact.subject),
      key: fact.key,
      label: fact.label,
      value: fact.value,
      unit: fact.unit,
      qualifier: fact.qualifier,
    })),
  };
}

/**
 * Occurrences that name a known entity get its id: the span is a mention found longest-first,
 * or the proposed name is one of its forms. Known mentions no rule found are added, so they can
 * end relationships when their kinds are given.
 */
function markKnown(
  text: string,
  occurrences: readonly Occurrence[],
  knownForms: readonly NameFormOf[],
  known: KnownEntities,
): Occurrence[] {
  if (knownForms.length === 0) return [...occurrences];
  const byForm = new Map<string, Set<string>>();
  for (const { form, entityId } of knownForms) {
    const key = normalizeName(form);
    byForm.set(key, (byForm.get(key) ?? new Set()).add(entityId));
  }
  const mentions = findMentions(text, knownForms);
  const mentionAt = new Map(mentions.map((m) => [`${m.start}:${m.quote.length}`, m.entityId]));
  const marked = occurrences.map((o) => {
    const ids = byForm.get(normalizeName(o.name));
    const byName = ids?.size === 1 ? [...ids][0] : undefined;
    // The proposed name first: 移动互联网 in 移动互联网、汽车等产业技术路线图 proposes the roadmap.
    const entityId = byName ?? mentionAt.get(`${o.start}:${o.quote.length}`) ?? null;
    const kind = entityId === null ? o.kind : (known.kindOf?.get(entityId) ?? o.kind);
    return entityId === null ? o : { ...o, entityId, kind };
  });
  const covered = new Set(marked.map((o) => `${o.start}:${o.quote.length}`));
  for (const m of mentions) {
    const kind = known.kindOf?.get(m.entityId);
    if (kind === undefined || covered.has(`${m.start}:${m.quote.length}`)) continue;
    marked.push({
      start: m.start,
      quote: m.quote,
      name: m.quote,
      kind,
      rule: "mention:known-form",
      confidence: 1,
      entityId: m.entityId,
    });
  }
  return marked;
}

function knownMentions(
  text: string,
  passages: readonly Passage[],
  knownForms: readonly NameFormOf[],
  occurrences: readonly Occurrence[],
): FoundMention[] {
  if (knownForms.length === 0) return [];
  const outer = findMentions(text, knownForms);
  const nested = outer.flatMap((m) =>
    findMentions(
      m.quote,
      knownForms.filter((f) => f.entityId !== m.entityId),
    ).map((inner) => ({ ...inner, start: m.start + inner.start })),
  );
  const byRule = occurrences.flatMap((o) =>
    o.entityId === null ? [] : [{ entityId: o.entityId, start: o.start, quote: o.quote }],
  );
  const repeated = passages.filter((p) => p.repeatOf !== null);
  const seen = new Set<string>();
  return [...outer, ...nested, ...byRule]
    .filter((m) => !repeated.some((p) => m.start >= p.start && m.start < p.end))
    .filter((m) => {
      const key = `${m.entityId}:${m.start}:${m.quote.length}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start || b.quote.length - a.quote.length);
}

type Where = (start: number, quote: string) => { passageStart: number; passageEnd: number };

const candidateKey = (o: Pick<Occurrence, "name" | "kind">) =>
  `${normalizeName(o.name)}\u0000${o.kind}`;

function entityCandidates(occurrences: readonly Occurrence[], where: Where): EntityCandidate[] {
  const groups = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    if (o.entityId !== null || o.name.length < 2) continue;
    const key = candidateKey(o);
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const candidates: EntityCandidate[] = [];
  for (const group of groups.values()) {
    const sorted = [...group].sort((a, b) => a.start - b.start || b.confidence - a.confidence);
    const first = sorted[0];
    if (first === undefined) continue;
    const seen = new Set<string>();
    const occurrencesOf = sorted.filter((o) => {
      const key = `${o.start}:${o.quote.length}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    candidates.push({
      rule: first.rule,
      confidence: Math.max(...group.map((o) => o.confidence)),
      start: first.start,
      quote: first.quote,
      ...where(first.start, first.quote),
      name: first.name,
      kind: first.kind,
      occurrences: occurrencesOf.map((o) => ({ start: o.start, quote: o.quote })),
    });
  }
  return candidates.sort((a, b) => a.start - b.start || a.name.localeCompare(b.name));
}

function endOf(o: Occurrence): CandidateEnd {
  return {
    name: o.name,
    start: o.start,
    kind: o.kind,
    entityId: o.entityId,
    candidate: o.entityId === null ? { name: o.name, kind: o.kind } : null,
  };
}

const endKey = (o: Occurrence) => o.entityId ?? `candidate:${candidateKey(o)}`;

function relationCandidates(
  text: string,
  links: readonly Link[],
  where: Where,
): RelationCandidate[] {
  const byKey = new Map<string, RelationCandidate>();
  for (const link of links) {
    if (endKey(link.source) === endKey(link.target)) continue;
    const type = link.types.find((t) => allows(t, link.source.kind, link.target.kind));
    if (type === undefined) continue;
    const key = `${type}\u0000${endKey(link.source)}\u0000${endKey(link.target)}`;
    const existing = byKey.get(key);
    if (existing !== undefined && existing.confidence >= link.confidence) continue;
    const quote = text.slice(link.start, link.end);
    byKey.set(key, {
      rule: link.rule,
      confidence: link.confidence,
      start: link.start,
      quote,
      ...where(link.start, quote),
      type,
      source: endOf(link.source),
      target: endOf(link.target),
    });
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start || a.type.localeCompare(b.type));
}
