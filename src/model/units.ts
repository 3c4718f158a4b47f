/**
 * Converts a stated amount to a base unit so that answers compare as numbers: 10 亿元 is
 * 1,000,000,000 元. Units without a Chinese magnitude prefix (个, 家, 名) are their own base.
 */
const MAGNITUDES: readonly (readonly [string, number])[] = [
  ["万亿", 1e12],
  ["亿", 1e8],
  ["千万", 1e7],
  ["百万", 1e6],
  ["万", 1e4],
  ["千", 1e3],
  ["百", 1e2],
];

export interface BaseAmount {
  readonly value: number;
  readonly unit: string;
}

/** @example toBaseUnit(10, "亿元") → { value: 1000000000, unit: "元" } */
export function toBaseUnit(value: number, unit: string): BaseAmount {
  for (const [prefix, factor] of MAGNITUDES) {
    if (unit.startsWith(prefix) && unit.length > prefix.length) {
      return { value: Math.round(value * factor * 1e6) / 1e6, unit: unit.slice(prefix.length) };
    }
  }
  return { value, unit };
}
