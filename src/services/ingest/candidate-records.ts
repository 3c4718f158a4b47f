import { createHash } from "node:crypto";
import type {
  CandidateEnd as ProposedEnd,
  CandidateQuote,
  ProposedCandidates,
} from "../../ingest/candidates";
import type { CandidateEnd, CandidateRecord } from "../../model/ingest";
import { normalizeName } from "../../model/names";

/**
 * Turns the proposals of one document's text into the records the review queue stores. Ids are
 * derived from what a candidate proposes, so the same text gives the same ids, and a relationship's
 * end points at the entity candidate of the same name and kind. Pure.
 */
export function toCandidateRecords(
  documentId: string,
  text: string,
  proposed: ProposedCandidates,
): CandidateRecord[] {
  const entityId = (name: string, kind: string) =>
    candidateIdOf(documentId, "entity", normalizeName(name), kind);
  const end = (value: ProposedEnd): CandidateEnd => ({
    name: value.name,
    start: value.start,
    entityId: value.entityId,
    candidateId:
      value.entityId === null && value.candidate !== null
        ? entityId(value.candidate.name, value.candidate.kind)
        : null,
  });
  const endKey = (value: CandidateEnd) => value.entityId ?? value.candidateId ?? value.name;
  const base = (quote: CandidateQuote) => ({
    documentId,
    status: "pending" as const,
    rule: quote.rule,
    confidence: quote.confidence,
    start: quote.start,
    quote: quote.quote,
    passageStart: quote.passageStart,
    passageEnd: quote.passageEnd,
    passage: text.slice(quote.passageStart, quote.passageEnd),
    proposedAt: null,
    name: null,
    entityKind: null,
    occurrences: 1,
    type: null,
    source: null,
    target: null,
    value: null,
    unit: null,
    label: null,
    qualifier: null,
    reviewedBy: null,
    reviewedAt: null,
    outcome: null,
    reason: null,
  });
  const records: CandidateRecord[] = [
    ...proposed.entities.map((entity) => ({
      ...base(entity),
      id: entityId(entity.name, entity.kind),
      kind: "entity" as const,
      name: entity.name,
      entityKind: entity.kind,
      occurrences: entity.occurrences.length,
    })),
    ...proposed.relationships.map((rel) => {
      const source = end(rel.source);
      const target = end(rel.target);
      return {
        ...base(rel),
        id: candidateIdOf(documentId, "relationship", rel.type, endKey(source), endKey(target)),
        kind: "relationship" as const,
        type: rel.type,
        source,
        target,
      };
    }),
    ...proposed.facts.map((fact) => ({
      ...base(fact),
      id: candidateIdOf(documentId, "fact", fact.start, fact.quote.length, fact.key),
      kind: "fact" as const,
      source: end(fact.subject),
      value: fact.value,
      unit: fact.unit,
      label: fact.label,
      qualifier: fact.qualifier,
    })),
  ];
  // One record per id: two proposals that say the same thing are one candidate.
  return [...new Map(records.map((record) => [record.id, record])).values()];
}

/** A stable id for a candidate: the same proposal in the same document has the same id. */
export function candidateIdOf(documentId: string, ...parts: (string | number)[]): string {
  const hash = createHash("sha256")
    .update([documentId, ...parts].join("\u0000"))
    .digest("hex");
  return `cand-${hash.slice(0, 20)}`;
}
