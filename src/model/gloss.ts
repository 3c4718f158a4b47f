/** A value as the text states it, apart from the English gloss the seeds add to it. */
export interface GlossedValue {
  readonly text: string;
  readonly gloss: string | null;
}

/** `中文 (English)`, the form seeds give a relationship property: Chinese, then a Latin gloss. */
const GLOSSED = /^(.*\p{Script=Han}.*?)\s*[(（]([^()（）\p{Script=Han}]+)[)）]$/u;

/**
 * Splits a property value into the words the text states and the English gloss the seeds add:
 * "常委 (standing committee member)" → { text: "常委", gloss: "standing committee member" }.
 * A value without such a gloss is all text.
 */
export function splitGloss(value: string): GlossedValue {
  const match = GLOSSED.exec(value.trim());
  if (match?.[1] === undefined || match[2] === undefined) return { text: value, gloss: null };
  return { text: match[1].trim(), gloss: match[2].trim() };
}
