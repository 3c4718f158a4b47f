/**
 * Line breaks other than `\n`: CR LF and lone CR (Windows and old Mac files), vertical tab and form
 * feed (page breaks in text exports), NEL, and the Unicode line and paragraph separators.
 */
const LINE_BREAKS = /\r\n?|[\v\f\u0085\u2028\u2029]/g;
const BLANK_RUNS = /\n{3,}/g;

/**
 * The one normalisation every document's text goes through before it is stored, hashed and
 * quoted: offsets into the stored text are only stable if no later step changes it.
 *
 * - a leading byte order mark is removed;
 * - Unicode NFC (a precomposed character and its decomposed spelling become the same string; note
 *   that NFC also maps CJK compatibility ideographs, U+F900–U+FAFF, to their unified forms);
 * - every line break becomes `\n`;
 * - whitespace at line ends is removed (ASCII, no-break and ideographic spaces alike);
 * - at most one blank line in a row;
 * - no whitespace or blank lines at the start or the end.
 *
 * Nothing else changes: full-width punctuation (，。：“”) and spaces inside lines, including an
 * indent of ideographic spaces at a line's start, stay as they are.
 * @example normalizeDocumentText("\uFEFF第一条 \r\n\r\n\r\n第二条\r\n") === "第一条\n\n第二条"
 */
export function normalizeDocumentText(raw: string): string {
  const withoutBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  // trimEnd per line, not a regex: /\s+$/m backtracks quadratically on long runs of spaces.
  const lines = withoutBom.normalize("NFC").replace(LINE_BREAKS, "\n").split("\n");
  return lines
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(BLANK_RUNS, "\n\n")
    .trim();
}
