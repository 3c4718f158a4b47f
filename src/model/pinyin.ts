import { customPinyin, pinyin } from "pinyin-pro";

/**
 * Pinyin keys of Chinese names, so that a name typed in pinyin (with or without tones and spaces,
 * in any case) finds its entity: 电子科技大学 → `dianzikejidaxue`, and `Diàn Zǐ Kē Jì Dà Xué`,
 * `dianzi keji daxue` and `DIANZIKEJIDAXUE` all fold to that key. Polyphonic characters take
 * pinyin-pro's reading in context, except where NAME_READINGS gives a name's own: see
 * docs/names.md.
 */

/**
 * Names whose reading pinyin-pro gets wrong in context, with the reading the name uses (郫都 is
 * pí dū, where pinyin-pro reads 都 as dōu). Added to pinyin-pro's dictionary once, here.
 */
export const NAME_READINGS: Readonly<Record<string, string>> = { 郫都: "pí dū" };
customPinyin(NAME_READINGS);

const HAN = /\p{Script=Han}/u;

/** Lower case, without tone marks or diacritics (ǜ → u), v for ü as u, only a–z and 0–9 kept. */
function foldLatin(text: string): string {
  return text
    .normalize("NFKC")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/v/gu, "u")
    .replace(/[^a-z0-9]/gu, "");
}

/**
 * The pinyin key of a name form that holds Chinese characters: its toneless pinyin, lower case,
 * without spaces or punctuation; characters that are not Chinese stay as they are (UESTC成都 →
 * `uestcchengdu`). Null for a form without Chinese characters, which is its own key already.
 *
 * @example pinyinKey("双流县") === "shuangliuxian"
 */
export function pinyinKey(form: string): string | null {
  if (!HAN.test(form)) return null;
  const key = foldLatin(pinyin(form.normalize("NFKC"), { toneType: "none", nonZh: "consecutive" }));
  return /[a-z]/u.test(key) ? key : null;
}

/**
 * What a user typed, folded as pinyin keys are: null when it holds Chinese characters or no
 * Latin letter, since then it is not pinyin.
 *
 * @example pinyinQueryKey("Diàn Zǐ Kē Jì Dà Xué") === "dianzikejidaxue"
 */
export function pinyinQueryKey(text: string): string | null {
  if (HAN.test(text)) return null;
  const key = foldLatin(text);
  return /[a-z]/u.test(key) ? key : null;
}

/**
 * The key that sorts a Chinese name as readers expect (by pinyin, 成都 < 电子科技大学 < 双流县):
 * its pinyin key, or the name in lower case when it holds no Chinese character.
 */
export function pinyinSortKey(name: string): string {
  return pinyinKey(name) ?? name.normalize("NFKC").toLowerCase();
}
