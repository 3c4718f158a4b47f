import { BadUserInputError } from "../errors";
import type { EntityRecord } from "../model/records";
import type { SearchHit, SearchRepository } from "../repositories/search.repository";
import { toSimplified } from "../model/fold";
import { DEFAULT_SEARCH_HIT_BOUND } from "../model/bounds";
import { normalizeName } from "../model/names";
import { decodeCursor, encodeCursor, pageSize, type PageInfoRecord } from "./pagination";

const MAX_QUERY_LENGTH = 200;
const MAX_OFFSET = 10_000;
/** Terms past this many are ignored: a query of a sentence's worth of words ranks as well. */
const MAX_TERMS = 8;

/** Where a hit matched: the text that did, and where the query's terms stand in it. */
export interface SearchMatchRecord {
  /** name, nameEn, alias, or relationship (a relationship's own properties). */
  readonly field: "name" | "nameEn" | "alias" | "relationship";
  /** The relationship's type when field is relationship. */
  readonly relationType: string | null;
  readonly text: string;
  /** [start, end) of each place a term occurs in text, in order, in UTF-16 code units. */
  readonly spans: readonly { readonly start: number; readonly end: number }[];
}

export interface SearchResult {
  readonly totalCount: number;
  /** False when an index had more hits than were read (SEARCH_HIT_BOUND): totalCount is a floor. */
  readonly exhaustive: boolean;
  readonly edges: readonly {
    readonly node: EntityRecord;
    readonly score: number;
    readonly match: SearchMatchRecord;
    readonly cursor: string;
  }[];
  readonly pageInfo: PageInfoRecord;
}

/** What a user typed, as the index sees names: NFKC, simplified characters, lower case. */
export function foldQuery(text: string): string {
  return toSimplified(text.normalize("NFKC")).toLowerCase();
}

/**
 * The terms of what a user typed: folded (foldQuery), split on anything that is not a letter or a
 * digit, so punctuation, Lucene syntax and emoji fall away instead of failing the query.
 */
export function searchTerms(text: string): string[] {
  return foldQuery(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0)
    .slice(0, MAX_TERMS);
}

/** An English word's stem for a prefix match: incubators → incubator*, institutes → institute*. */
function englishStem(term: string): string | null {
  if (!/^[a-z]{4,}$/.test(term)) return null;
  const stem = term.replace(/(ies|es|s|ing|ed)$/, "");
  return stem.length >= 3 ? stem : term;
}

/**
 * Turns what a user typed into a ranked Lucene query that cannot fail to parse. Terms are found
 * in any order and need not all match (OR), ranked by how much of the query an entity's names hold:
 * - every term as a phrase, all together, boosted most: entities that hold all terms come first;
 * - each term as a phrase (电子科 as the bigrams 电子 子科 in sequence: a substring), boosted;
 * - each term's words or bigrams on their own (轨道交通产业 finds 轨道交通 through 轨道, 道交, 交通);
 * - an English word by its stem as a prefix (incubator finds incubators), a lone Chinese
 *   character as the start of a bigram (汽 finds 汽车);
 * - Latin words joined, as a prefix: the pinyin keys the index holds (dianzi keji daxue finds
 *   dianzikejidaxue, 电子科技大学).
 * The service then puts entities named exactly as typed first (search-entities.cypher).
 */
export function toLuceneQuery(text: string): string {
  const terms = searchTerms(text);
  if (terms.length === 0) return "";
  const phrases = terms.map((term) => `"${term}"`);
  const clauses = [`(${phrases.join(" AND ")})^4`];
  for (const [index, term] of terms.entries()) {
    clauses.push(`${phrases[index]}^2`);
    // AND, OR and NOT are Lucene operators in upper case only; terms are in lower case.
    clauses.push(term);
    const stem = englishStem(term);
    if (stem !== null) clauses.push(`${stem}*`);
    if (/^\p{Script=Han}$/u.test(term)) clauses.push(`${term}*`);
  }
  // Pinyin typed as words (dianzi keji daxue) meets the pinyin key the index holds in one piece.
  if (terms.length > 1 && terms.every((term) => /^[a-z]+$/.test(term))) {
    clauses.push(`${terms.join("")}*^3`);
  }
  return clauses.join(" OR ");
}

/** What the search service takes from the configuration (src/config). */
export interface SearchSettings {
  /** SEARCH_HIT_BOUND: how many hits each full-text index gives at most (see search-entities). */
  readonly searchHitBound: number;
}

/** Ranked full-text search with a Relay connection. */
export class SearchService {
  constructor(
    private readonly repository: SearchRepository,
    private readonly settings: SearchSettings = { searchHitBound: DEFAULT_SEARCH_HIT_BOUND },
  ) {}

  async search(
    query: string,
    kinds: readonly string[],
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<SearchResult> {
    const trimmed = query.trim();
    if (trimmed.length === 0) throw new BadUserInputError("query must not be empty", "query");
    if (trimmed.length > MAX_QUERY_LENGTH) {
      throw new BadUserInputError(`query must be at most ${MAX_QUERY_LENGTH} characters`, "query");
    }
    const size = pageSize(first, "first");
    const offset = after === null || after === undefined ? 0 : offsetOf(after);
    const lucene = toLuceneQuery(trimmed);
    if (lucene.length === 0) {
      return emptyResult();
    }
    const exact = foldQuery(trimmed).trim();
    const terms = searchTerms(trimmed);
    const page = await this.repository.search({
      lucene,
      exact,
      terms,
      // The name-form keys (src/model/names) under which an exact name is found whatever its rank.
      nameKeys: [...new Set([exact, ...terms].map(normalizeName))],
      kinds,
      offset,
      first: size,
      // A page deeper than the bound reads down to its end, so paging is never cut short.
      hitBound: Math.max(this.settings.searchHitBound, offset + size),
    });
    const edges = page.hits.map((hit, index) => ({
      node: hit.entity,
      score: hit.score,
      match: matchOf(hit, terms),
      cursor: encodeCursor("search", offset + index + 1),
    }));
    return {
      totalCount: page.total,
      exhaustive: page.exhaustive,
      edges,
      pageInfo: {
        // Past the hits read there are more (exhaustive false): the next page reads deeper, as far
        // as a cursor may point (MAX_OFFSET).
        hasNextPage:
          offset + page.hits.length < page.total ||
          (!page.exhaustive && page.hits.length > 0 && offset + page.hits.length <= MAX_OFFSET),
        hasPreviousPage: offset > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }
}

/**
 * The places the terms occur in a text, folded as the query was (simplified, width, case; the
 * folding keeps lengths for CJK and Latin text), merged where they overlap.
 */
export function termSpans(
  text: string,
  terms: readonly string[],
): { start: number; end: number }[] {
  const folded = foldQuery(text);
  if (folded.length !== text.length) return [];
  const spans: { start: number; end: number }[] = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) {
      spans.push({ start: at, end: at + term.length });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last !== undefined && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * What a hit matched: the relationship's properties when those were its best hit, else the name
 * form that holds most of the query's terms (the Chinese name when none holds any whole).
 */
function matchOf(hit: SearchHit, terms: readonly string[]): SearchMatchRecord {
  if (hit.via !== null) {
    const { type, text } = hit.via;
    return { field: "relationship", relationType: type, text, spans: termSpans(text, terms) };
  }
  const { name, nameEn, aliases } = hit.entity;
  const forms: { field: SearchMatchRecord["field"]; text: string }[] = [
    { field: "name", text: name },
    ...(nameEn === null ? [] : [{ field: "nameEn" as const, text: nameEn }]),
    ...aliases.map((text) => ({ field: "alias" as const, text })),
  ];
  let best = {
    field: "name" as SearchMatchRecord["field"],
    text: name,
    spans: termSpans(name, terms),
  };
  for (const form of forms) {
    const spans = termSpans(form.text, terms);
    const covered = (list: typeof spans): number =>
      list.reduce((sum, span) => sum + span.end - span.start, 0);
    if (covered(spans) > covered(best.spans)) best = { ...form, spans };
  }
  return { ...best, relationType: null };
}

function offsetOf(after: string): number {
  const value = decodeCursor("search", after, "after");
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_OFFSET) {
    throw new BadUserInputError("after is not a valid cursor for this search", "after");
  }
  return value;
}

function emptyResult(): SearchResult {
  return {
    totalCount: 0,
    exhaustive: true,
    edges: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
  };
}
