/**
 * Stated numbers: a number with a unit (10亿元, 200余家) is proposed as a fact of the name it
 * follows (全市已聚集各类创投机构200余家), or of the name it qualifies (注册资本10亿元的成都技术转移集团).
 * Dates (2015年) are not facts. Pure.
 */

import type { Passage } from "./passages";
import { QUALIFIERS, UNIT_RULES } from "./rules";
import { end, readablePassages, type Occurrence } from "./spans";

/** A number found with its unit, the qualifier before it, and the name it is stated of. */
export interface FoundFact {
  readonly rule: string;
  readonly start: number;
  readonly quote: string;
  readonly value: number;
  readonly unit: string;
  readonly key: string;
  readonly label: string;
  readonly qualifier: string | null;
  readonly subject: Occurrence;
}

const UNITS = [...UNIT_RULES].sort((a, b) => b.unit.length - a.unit.length);
const NUMBER = new RegExp(
  `(突破|超过|逾|近)?(\\d+(?:\\.\\d+)?)(余)?(${UNITS.map((u) => u.unit).join("|")})`,
  "gu",
);
// How far back a number may stand from the name it counts, within one clause.
const MAX_DISTANCE = 16;

/** Every number with a unit in the first copies of the passages, with the name it is stated of. */
export function findFacts(
  text: string,
  passages: readonly Passage[],
  names: readonly Occurrence[],
): FoundFact[] {
  const facts: FoundFact[] = [];
  for (const passage of readablePassages(passages)) {
    for (const match of passage.text.matchAll(NUMBER)) {
      const [whole, before, digits, approx, unitText] = match;
      const rule = UNITS.find((u) => u.unit === unitText);
      if (rule === undefined || digits === undefined) continue;
      // 2015年 is a date, 3年 a duration.
      if (rule.unit === "年" && digits.length === 4) continue;
      const start = passage.start + (match.index ?? 0);
      const stop = start + whole.length;
      const inPassage = names.filter((o) => o.start >= passage.start && end(o) <= passage.end);
      // 10个产业集群协同重大项目, 10亿元的成都技术转移集团: the number counts what follows.
      const following = inPassage.find(
        (o) => o.start === stop || (text.charAt(stop) === "的" && o.start === stop + 1),
      );
      const preceding = inPassage
        .filter((o) => end(o) <= start && start - end(o) <= MAX_DISTANCE)
        .filter(
          (o) =>
            !/[,，;；]/u.test(passage.text.slice(end(o) - passage.start, start - passage.start)),
        )
        .at(-1);
      const subject = following ?? preceding;
      if (subject === undefined) continue;
      const qualifierWord = before ?? approx;
      const qualifier = QUALIFIERS.find(([word]) => word === qualifierWord)?.[1] ?? null;
      const quoteStart = Math.min(start, subject.start);
      const quoteEnd = Math.max(stop, end(subject));
      facts.push({
        rule: rule.id,
        start: quoteStart,
        quote: passage.text.slice(quoteStart - passage.start, quoteEnd - passage.start),
        value: Number(digits),
        unit: rule.unit,
        key: rule.key,
        label: qualifier === null ? rule.label : `${rule.label}, ${qualifier}`,
        qualifier,
        subject,
      });
    }
  }
  return facts;
}
