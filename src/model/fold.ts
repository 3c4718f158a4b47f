import { Converter } from "opencc-js/t2cn";

const traditionalToSimplified = Converter({ from: "t", to: "cn" });

/**
 * Text in simplified characters, as the sources and the graph write names: 電子科技大學 →
 * 电子科技大学. Characters that have no simplified form stay as they are.
 */
export function toSimplified(text: string): string {
  return traditionalToSimplified(text);
}
