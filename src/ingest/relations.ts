/**
 * Relationship proposals: trigger words between names of one sentence, names side by side, and
 * the links the shapes of names state (entities.ts). A type is proposed only where the vocabulary
 * allows the two kinds, so a trigger never makes an edge the graph could not hold. Pure.
 */

import { relationSpec, type EntityKind } from "../model/vocabulary";
import type { Passage } from "./passages";
import {
  ADJACENT_RULE,
  CHAIN_CLASS_RULE,
  EXAMPLE_RULE,
  LEADING_NAME_RULE,
  RELATION_RULES,
  type EndMode,
  type RelationRule,
} from "./rules";
import { end, outermostOf, readablePassages, type Link, type Occurrence } from "./spans";

/** Whether the vocabulary lets `type` run from `from` to `to`. */
export function allows(type: string, from: EntityKind, to: EntityKind): boolean {
  const spec = relationSpec(type);
  return spec !== undefined && spec.from.includes(from) && spec.to.includes(to);
}

// Between two names of one enumeration: 、 和 与 及, after a few words (等在蓉高校与龙头企业).
// A title may stand between two persons (新初书记、良智代市长).
const SEPARATOR =
  /^(?:等\p{Script=Han}{0,4}|代?(?:书记|市长|局长|主任|主席))?(?:[、和与及同或]|以及)?(?:相关|各类|其他)?$/u;
const CLASS_GAP = /^等/u;
// Between the last name of a chain and its trigger: 双流县与高校共建, …产业园为重点.
const BEFORE_TRIGGER = /^(?:等\p{Script=Han}{0,6}|[、和与及同]?\p{Script=Han}{0,2})$/u;
// Between a trigger and the first name after it: 实施10个…, 建设成都科技城.
const AFTER_TRIGGER = /^(?:\p{Script=Han}{0,3}|\d+[个家项])$/u;
const CLAUSE_END = /[,，;；。：:]/u;

/** The text between two names, without quotation marks (市委《…》 stand side by side). */
const gapOf = (text: string, from: number, to: number) =>
  from >= to ? "" : text.slice(from, to).replace(/[“”《》]/gu, "");

/** The names of a passage that no longer name contains, in text order (same spans kept). */
export function outermost(occurrences: readonly Occurrence[]): Occurrence[] {
  return outermostOf(occurrences).sort((x, y) => x.start - y.start || end(x) - end(y));
}

function leftChain(text: string, ends: readonly Occurrence[], at: number): Occurrence[] {
  const before = ends.filter((o) => end(o) <= at);
  const last = before.at(-1);
  if (last === undefined || !BEFORE_TRIGGER.test(gapOf(text, end(last), at))) return [];
  const chain = [last];
  for (let i = before.length - 2; i >= 0; i -= 1) {
    const o = before[i];
    const next = chain.at(-1);
    if (o === undefined || next === undefined) break;
    if (!SEPARATOR.test(gapOf(text, end(o), next.start))) break;
    chain.push(o);
  }
  return chain.reverse();
}

export function rightChain(text: string, ends: readonly Occurrence[], at: number): Occurrence[] {
  const after = ends.filter((o) => o.start >= at);
  const first = after[0];
  if (first === undefined || !AFTER_TRIGGER.test(gapOf(text, at, first.start))) return [];
  const chain = [first];
  for (const o of after.slice(1)) {
    const previous = chain.at(-1);
    if (previous === undefined || !SEPARATOR.test(gapOf(text, end(previous), o.start))) break;
    chain.push(o);
  }
  return chain;
}

/** The ends a mode reads on one side of a trigger, best first; `fits` says whether a kind fits. */
function side(
  text: string,
  passage: Passage,
  ends: readonly Occurrence[],
  rule: RelationRule,
  mode: EndMode,
  direction: "left" | "right",
  at: number,
  fits: (o: Occurrence) => boolean,
): Occurrence[] {
  const before = ends.filter((o) => end(o) <= at);
  const after = ends.filter((o) => o.start >= at);
  switch (mode) {
    case "chain":
      return direction === "left" ? leftChain(text, ends, at) : rightChain(text, ends, at);
    case "near":
      return (direction === "left" ? before.slice(-1) : after.slice(0, 1)).filter(fits);
    case "find": {
      const found = (direction === "left" ? [...before].reverse() : after).find(fits);
      // 由X牵头 may follow what X leads: then the sentence's topic, before the trigger.
      const topic = found ?? (direction === "right" ? before.find(fits) : after.find(fits));
      return topic === undefined ? [] : [topic];
    }
    case "first": {
      const topic = before.find(fits) ?? after.find(fits);
      return topic === undefined ? [] : [topic];
    }
    case "last": {
      const clause = passage.text.slice(at - passage.start).search(CLAUSE_END);
      const stop = clause < 0 ? passage.end : at + clause;
      const last = after.filter((o) => end(o) <= stop && fits(o)).at(-1);
      return last === undefined ? [] : [last];
    }
    case "since": {
      const from = text.lastIndexOf(rule.anchor ?? "", at);
      return from < passage.start ? [] : before.filter((o) => o.start >= from && fits(o));
    }
  }
}

function linkOf(
  rule: { id: string; confidence: number },
  types: readonly string[],
  source: Occurrence,
  target: Occurrence,
  from: number,
  to: number,
): Link {
  return {
    rule: rule.id,
    confidence: rule.confidence,
    types,
    source,
    target,
    start: Math.min(from, source.start, target.start),
    end: Math.max(to, end(source), end(target)),
  };
}

/** 面向企业的开放互动平台: the name after the right ends and 的. */
function ownerAfter(
  text: string,
  ends: readonly Occurrence[],
  rights: readonly Occurrence[],
): Occurrence | undefined {
  const last = rights.at(-1);
  if (last === undefined || text.charAt(end(last)) !== "的") return undefined;
  return ends.find((o) => o.start === end(last) + 1);
}

/** A、B等C inside a chain: A and B are examples of C. */
function classLinks(text: string, chain: readonly Occurrence[]): Link[] {
  const links: Link[] = [];
  for (const [index, head] of chain.entries()) {
    const previous = chain[index - 1];
    if (previous === undefined || !CLASS_GAP.test(gapOf(text, end(previous), head.start))) continue;
    for (const item of chain.slice(0, index)) {
      links.push(
        linkOf(CHAIN_CLASS_RULE, [CHAIN_CLASS_RULE.type], item, head, item.start, end(head)),
      );
    }
  }
  return links;
}

/**
 * Links from trigger rules: for each trigger in a passage, the names its rule reads on the left
 * and right, paired where the vocabulary allows the type between their kinds.
 */
export function triggerLinks(
  text: string,
  passages: readonly Passage[],
  occurrences: readonly Occurrence[],
): Link[] {
  const links: Link[] = [];
  for (const passage of readablePassages(passages)) {
    const ends = outermost(
      occurrences.filter((o) => o.start >= passage.start && end(o) <= passage.end),
    );
    if (ends.length < 2) continue;
    links.push(...sideBySide(text, ends), ...examples(text, passage, ends));
    for (const rule of RELATION_RULES) {
      const spec = relationSpec(rule.type);
      if (spec === undefined) continue;
      const [leftKinds, rightKinds] =
        rule.reversed === true ? [spec.to, spec.from] : [spec.from, spec.to];
      for (const match of passage.text.matchAll(rule.trigger)) {
        const t0 = passage.start + (match.index ?? 0);
        const t1 = t0 + match[0].length;
        const rights = side(text, passage, ends, rule, rule.right, "right", t1, (o) =>
          rightKinds.includes(o.kind),
        );
        const owner = rule.ofForm === true ? ownerAfter(text, ends, rights) : undefined;
        const lefts =
          owner !== undefined && leftKinds.includes(owner.kind)
            ? [owner]
            : side(text, passage, ends, rule, rule.left, "left", t0, (o) =>
                leftKinds.includes(o.kind),
              );
        if (rule.left === "chain") links.push(...classLinks(text, lefts));
        if (rule.right === "chain") links.push(...classLinks(text, rights));
        for (const l of lefts) {
          for (const r of rights) {
            if (l === r) continue;
            const [source, target] = rule.reversed === true ? [r, l] : [l, r];
            links.push(linkOf(rule, [rule.type], source, target, t0, t1));
          }
        }
      }
    }
  }
  return links;
}

/** Names side by side, or joined by 的: the second lies in, belongs to or is issued by the first. */
function sideBySide(text: string, ends: readonly Occurrence[]): Link[] {
  const links: Link[] = [];
  for (const [index, second] of ends.entries()) {
    const first = ends[index - 1];
    if (first === undefined || end(first) > second.start) continue;
    const gap = gapOf(text, end(first), second.start);
    if (gap !== "" && gap !== "的") continue;
    const types = gap === "的" ? ADJACENT_RULE.typesWithOf : ADJACENT_RULE.types;
    links.push(linkOf(ADJACENT_RULE, types, second, first, first.start, end(second)));
  }
  return links;
}

/** 如A、B等，…这类C: each named example is an example of the class. */
function examples(text: string, passage: Passage, ends: readonly Occurrence[]): Link[] {
  const links: Link[] = [];
  for (const match of passage.text.matchAll(/如([^。；]+?)等[,，]?[^。；]{0,12}?这类/gu)) {
    const from = passage.start + (match.index ?? 0);
    const to = from + match[0].length;
    const head = ends.find((o) => o.start >= to);
    if (head === undefined) continue;
    for (const item of ends.filter((o) => o.start >= from && end(o) <= to)) {
      links.push(linkOf(EXAMPLE_RULE, [EXAMPLE_RULE.type], item, head, from, end(head)));
    }
  }
  return links;
}

/** A name that opens with another name (中国电子科技集团国家…基地): it belongs to or is issued by it. */
export function leadingNameLinks(occurrences: readonly Occurrence[]): Link[] {
  const links: Link[] = [];
  for (const whole of occurrences) {
    for (const lead of occurrences) {
      if (lead.start !== whole.start || lead.quote.length >= whole.quote.length) continue;
      links.push(
        linkOf(LEADING_NAME_RULE, LEADING_NAME_RULE.types, whole, lead, whole.start, end(whole)),
      );
    }
  }
  return links;
}
