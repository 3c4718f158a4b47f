import { Converter } from "opencc-js/t2cn";

const traditionalToSimplified = Converter({ from: "t", to: "cn" });

/**
 * Folded texts by text: search folds every name form of every hit it shows, and the graph's names
 * repeat from request to request, while a conversion walks the whole dictionary trie per
 * character (a few percent of a search's CPU). Emptied when full, so it stays bounded.
 */
const folded = new Map<string, string>();
const MAX_FOLDED = 10_000;

/**
 * Text in simplified characters, as the sources and the graph write names: 電子科技大學 →
 * 电子科技大学. Characters that have no simplified form stay as they are.
 */
export function toSimplified(text: string): string {
  const known = folded.get(text);
  if (known !== undefined) return known;
  const simplified = traditionalToSimplified(text);
  if (folded.size >= MAX_FOLDED) folded.clear();
  folded.set(text, simplified);
  return simplified;
}
