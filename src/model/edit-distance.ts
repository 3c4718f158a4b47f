/**
 * Levenshtein distance between two strings, by code point (a CJK character or an emoji counts as
 * one): insertions, deletions and substitutions each cost 1.
 * @example editDistance("双流区", "双流县") === 1
 */
export function editDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (const [i, char] of left.entries()) {
    const current = [i + 1];
    for (const [j, other] of right.entries()) {
      current.push(
        Math.min(
          (previous[j + 1] ?? 0) + 1,
          (current[j] ?? 0) + 1,
          (previous[j] ?? 0) + (char === other ? 0 : 1),
        ),
      );
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}
