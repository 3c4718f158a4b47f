/**
 * Passages: the sentences and lines of a document, with exact offsets, so that every candidate and
 * mention can point at the sentence it lies in. Pure.
 */

/** A sentence or line of a text at [start, end); `repeatOf` is the start of its first copy. */
export interface Passage {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The start of the first passage with the same text, for every later copy; null otherwise. */
  readonly repeatOf: number | null;
}

// Full-width sentence ends are always ends; ASCII ones only where no Latin letter or digit
// follows (x!y and URLs stay whole).
const FULL_WIDTH_END = new Set(["。", "！", "？", "；"]);
const ASCII_END = new Set(["!", "?", ";"]);
// Closing quotes and brackets that belong to the sentence they close: 他说：“好。”
const CLOSERS = new Set(["”", "’", "」", "』", "）", ")", "》"]);

/**
 * Splits a text at Chinese sentence ends (。！？；, and !?; used as ends), keeping the mark, and
 * at line breaks; trims whitespace without moving offsets (`text.slice(p.start, p.end) === p.text`)
 * and skips empty passages. A passage repeated verbatim points at its first copy, so boilerplate
 * repeated many times is counted once.
 *
 * @example splitPassages("甲。乙\n甲。").map((p) => [p.text, p.repeatOf])
 *   → [["甲。", null], ["乙", null], ["甲。", 0]]
 */
export function splitPassages(text: string): Passage[] {
  const passages: Passage[] = [];
  const firstStart = new Map<string, number>();
  const push = (from: number, to: number) => {
    let start = from;
    let end = to;
    while (start < end && /\s/u.test(text.charAt(start))) start += 1;
    while (end > start && /\s/u.test(text.charAt(end - 1))) end -= 1;
    if (start === end) return;
    const body = text.slice(start, end);
    const first = firstStart.get(body);
    if (first === undefined) firstStart.set(body, start);
    passages.push({ start, end, text: body, repeatOf: first ?? null });
  };

  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char === "\n" || char === "\r") {
      push(from, i);
      from = i + 1;
    } else if (
      FULL_WIDTH_END.has(char) ||
      (ASCII_END.has(char) && !/[A-Za-z0-9]/u.test(text.charAt(i + 1)))
    ) {
      let end = i + 1;
      while (end < text.length && CLOSERS.has(text.charAt(end))) end += 1;
      push(from, end);
      from = end;
      i = end - 1;
    }
  }
  push(from, text.length);
  return passages;
}

/** The passage holding offset `at`, or undefined when `at` lies between passages. */
export function passageAt(passages: readonly Passage[], at: number): Passage | undefined {
  let low = 0;
  let high = passages.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const passage = passages[mid];
    if (passage === undefined) break;
    if (at < passage.start) high = mid - 1;
    else if (at >= passage.end) low = mid + 1;
    else return passage;
  }
  return undefined;
}
