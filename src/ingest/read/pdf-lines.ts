/** One text run of a page as pdf.js gives it, in reading order. */
export interface PageTextItem {
  readonly str: string;
  /** The run ends its line. */
  readonly hasEOL: boolean;
}

// Han, kana, CJK symbols and punctuation (、。《》「」), full-width forms (，：；（）).
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]$/u;

// Quotes, dashes and ellipses Chinese shares with Western text: Chinese only beside a CJK character.
const SHARED_PUNCTUATION = /^[\u00b7\u2014\u2018\u2019\u201c\u201d\u2026]$/u;

const isCjk = (char: string | undefined): boolean => char !== undefined && CJK.test(char);
const isShared = (char: string | undefined): boolean =>
  char !== undefined && SHARED_PUNCTUATION.test(char);

/** Two characters that in Chinese are written without a space between them. */
function closeUp(before: string | undefined, after: string | undefined): boolean {
  return (isCjk(before) && (isCjk(after) || isShared(after))) || (isShared(before) && isCjk(after));
}

function firstChar(text: string): string | undefined {
  const code = text.codePointAt(0);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

function lastChar(text: string): string | undefined {
  const low = text.charCodeAt(text.length - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && text.length >= 2;
  return text.length === 0 ? undefined : text.slice(pair ? -2 : -1);
}

/**
 * Joins one line's runs. Runs are concatenated as they are; a run of only spaces between two CJK
 * characters (or a CJK character and a quote mark, dash or ellipsis) is dropped, because Chinese is
 * written without spaces and pdf.js turns the gaps of justified or letter-spaced Chinese into space
 * runs. Between Latin words or digits, and between Latin and Chinese, it stays.
 */
function joinLine(runs: readonly string[]): string {
  let line = "";
  for (const [index, run] of runs.entries()) {
    const gap = run.trim() === "";
    if (gap && closeUp(lastChar(line), firstChar(runs[index + 1] ?? ""))) continue;
    line += run;
  }
  return line;
}

/**
 * A page's text: its runs joined per line (a run with `hasEOL` ends a line), lines separated by
 * `\n`.
 * @example pageText([{ str: "第一条", hasEOL: true }, { str: "第二条", hasEOL: false }]) === "第一条\n第二条"
 */
export function pageText(items: readonly PageTextItem[]): string {
  const lines: string[] = [];
  let runs: string[] = [];
  for (const item of items) {
    if (item.str !== "") runs.push(item.str);
    if (item.hasEOL) {
      lines.push(joinLine(runs));
      runs = [];
    }
  }
  if (runs.length > 0) lines.push(joinLine(runs));
  return lines.join("\n");
}
