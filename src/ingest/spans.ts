/**
 * Finding names in a text: where a name begins and ends, by the rules of `rules.ts`. Pure; the
 * spans are verbatim slices of the text, the names normalised display forms of them.
 */

import type { EntityKind } from "../model/vocabulary";
import type { Passage } from "./passages";
import { MEASURE_WORDS, NAME_PART_STOPS, NOT_BOUNDARIES, NUMBER_CHARS, STOP_WORDS } from "./rules";

/** A name found in the text: `quote` is verbatim at `start`; `name` is how it is proposed. */
export interface Occurrence {
  readonly start: number;
  readonly quote: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly rule: string;
  readonly confidence: number;
  /** Set when the occurrence is a mention of an entity the graph already has. */
  readonly entityId: string | null;
}

/** Two occurrences the text itself links (side by side, a title before a name, a list's items). */
export interface Link {
  readonly rule: string;
  readonly confidence: number;
  /** Types to try in order; the first the vocabulary allows for the two kinds is proposed. */
  readonly types: readonly string[];
  readonly source: Occurrence;
  readonly target: Occurrence;
  /** The verbatim quote stating the link. */
  readonly start: number;
  readonly end: number;
}

export const end = (o: Pick<Occurrence, "start" | "quote">): number => o.start + o.quote.length;

const NAME_CHAR = /[\p{Script=Han}A-Za-z0-9&+]/u;
const STOPS_BY_LENGTH = [...STOP_WORDS].sort((a, b) => b.length - a.length);

/** Whether a character can be part of a name (Han, Latin letters, digits, R&D, 1+2+N). */
export function isNameChar(char: string): boolean {
  return NAME_CHAR.test(char);
}

/**
 * Where the name ending at `at` begins: scan left over name characters (and whole “…” quotes)
 * within the passage, then take the rightmost stop-word boundary that leaves at least `minStem`
 * characters before `at`; null when no such start exists within `maxLength`.
 */
export function nameStart(
  text: string,
  passage: Passage,
  at: number,
  minStem: number,
  maxLength: number,
  suffixLength: number,
): number | null {
  const quoted: [number, number][] = [];
  let from = at;
  while (from > passage.start && at + suffixLength - from < maxLength + 8) {
    const char = text.charAt(from - 1);
    if (char === "”") {
      const open = text.lastIndexOf("“", from - 2);
      if (open < passage.start || text.slice(open, from).includes("\n")) break;
      // A quoted list of verbs (“发现、筛选、撮合、投入”) is not part of a name.
      if (text.slice(open, from).split("、").length > 2) break;
      quoted.push([open, from]);
      from = open;
      continue;
    }
    if (!isNameChar(char)) break;
    from -= 1;
  }
  const insideQuote = (i: number) => quoted.some(([a, b]) => i > a && i < b);
  // Each boundary is hard (never crossed) or soft (a stop word that is also a name part).
  const boundaries: { at: number; hard: boolean }[] = [{ at: from, hard: true }];
  for (let i = from + 1; i <= at; i += 1) {
    if (insideQuote(i)) continue;
    const measured =
      MEASURE_WORDS.includes(text.charAt(i - 1)) && NUMBER_CHARS.test(text.charAt(i - 2));
    const word = STOPS_BY_LENGTH.find(
      (w) => i - w.length >= from && text.startsWith(w, i - w.length),
    );
    if (!measured && word === undefined) continue;
    if (
      word?.length === 1 &&
      NOT_BOUNDARIES.some(
        (w) => (text.startsWith(w, i - 2) && i - 2 >= from) || text.startsWith(w, i - 1),
      )
    )
      continue;
    const hard = measured || (word !== undefined && !NAME_PART_STOPS.includes(word));
    boundaries.push({ at: i, hard });
  }
  for (let k = boundaries.length - 1; k >= 0; k -= 1) {
    const boundary = boundaries[k];
    if (boundary === undefined) continue;
    if (at - boundary.at < minStem) {
      if (boundary.hard) return null;
      continue;
    }
    if (at + suffixLength - boundary.at > maxLength) return null;
    return boundary.at;
  }
  return null;
}

/** Regions of the text inside “…” or 《…》 quotes (exclusive of the marks), for skipping. */
export function quotedRegions(text: string): [number, number][] {
  const regions: [number, number][] = [];
  for (const [open, close] of [
    ["“", "”"],
    ["《", "》"],
  ] as const) {
    for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, at + 1)) {
      const to = text.indexOf(close, at + 1);
      if (to < 0) break;
      if (!text.slice(at, to).includes("\n")) regions.push([at + 1, to]);
    }
  }
  return regions;
}

/** The passage-level texts that rules read: only the first copy of a repeated sentence. */
export function readablePassages(passages: readonly Passage[]): Passage[] {
  return passages.filter((p) => p.repeatOf === null);
}

/** The names no longer name contains (names with the same span are all kept). */
export function outermostOf(occurrences: readonly Occurrence[]): Occurrence[] {
  return occurrences.filter(
    (o) =>
      !occurrences.some(
        (other) =>
          other.start <= o.start && end(other) >= end(o) && other.quote.length > o.quote.length,
      ),
  );
}
