import type { EvidenceContextRecord } from "../model/records";

/** How many characters of the paragraph a context keeps on each side of the quote, at most. */
export const CONTEXT_CHARS = 160;

const SENTENCE_END = /[。！？；!?;]/g;

/**
 * The quote at [start, end) of a document's text inside the paragraph (line) that holds it, with
 * the quote's place in the returned text. A long paragraph is cut to about CONTEXT_CHARS on each
 * side, at a sentence end where one falls in that window, else with an ellipsis. Null when the
 * offsets do not hold the quote (a document stored without its text, or changed since).
 * @example quoteInContext("甲。乙丙丁。戊", 3, 5, "丙丁") → { text: "甲。乙丙丁。戊", quoteStart: 3, quoteEnd: 5 }
 */
export function quoteInContext(
  text: string,
  start: number,
  end: number,
  quote: string,
): EvidenceContextRecord | null {
  if (start < 0 || end > text.length || start > end || text.slice(start, end) !== quote) {
    return null;
  }
  const paragraphStart = text.lastIndexOf("\n", start - 1) + 1;
  const lineEnd = text.indexOf("\n", end);
  const paragraphEnd = lineEnd < 0 ? text.length : lineEnd;

  let from = paragraphStart;
  let prefix = "";
  if (start - paragraphStart > CONTEXT_CHARS) {
    from = start - CONTEXT_CHARS;
    const before = text.slice(from, start);
    const firstEnd = before.search(SENTENCE_END);
    if (firstEnd >= 0 && firstEnd + 1 < before.length) from += firstEnd + 1;
    else prefix = "…";
  }
  let to = paragraphEnd;
  let suffix = "";
  if (paragraphEnd - end > CONTEXT_CHARS) {
    to = end + CONTEXT_CHARS;
    const after = text.slice(end, to);
    let lastEnd = -1;
    for (const match of after.matchAll(SENTENCE_END)) lastEnd = match.index;
    if (lastEnd >= 0) to = end + lastEnd + 1;
    else suffix = "…";
  }
  return {
    text: `${prefix}${text.slice(from, to)}${suffix}`,
    quoteStart: prefix.length + start - from,
    quoteEnd: prefix.length + end - from,
  };
}
