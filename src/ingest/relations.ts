/**
 * Relationship proposals: trigger words between names of one sentence, and the links the shapes
 * of names state (entities.ts). A type is proposed only where the vocabulary allows the two
 * kinds, so a trigger never makes an edge the graph could not hold. Pure.
 */

import { relationSpec, type EntityKind } from "../model/vocabulary";
import type { Passage } from "./passages";
import { RELATION_RULES, type RelationRule } from "./rules";
import { end, outermostOf, readablePassages, type Link, type Occurrence } from "./spans";

/** Whether the vocabulary lets `type` run from `from` to `to`. */
export function allows(type: string, from: EntityKind, to: EntityKind): boolean {
  const spec = relationSpec(type);
  return spec !== undefined && spec.from.includes(from) && spec.to.includes(to);
}

// Between two names of one enumeration: 、 和 与 及, after an optional 等+class word.
const SEPARATOR = /^(?:等\p{Script=Han}{0,4})?(?:[、和与及同或]|以及)?(?:相关|各类|其他)?$/u;
// Between the last name of a chain and its trigger: 双流县与高校共建, …产业园为重点.
const BEFORE_TRIGGER = /^(?:等\p{Script=Han}{0,6}|[、和与及同]?\p{Script=Han}{0,2})$/u;
// Between a trigger and the first name after it: 实施10个…, 建设成都科技城.
const AFTER_TRIGGER = /^(?:\p{Script=Han}{0,3}|\d+[个家项])$/u;

/** The names of a passage that no longer name contains, in text order (same spans kept). */
export function outermost(occurrences: readonly Occurrence[]): Occurrence[] {
  return outermostOf(occurrences).sort((x, y) => x.start - y.start || end(x) - end(y));
}

function leftChain(text: string, ends: readonly Occurrence[], at: number): Occurrence[] {
  const before = ends.filter((o) => end(o) <= at);
  const last = before.at(-1);
  if (last === undefined || !BEFORE_TRIGGER.test(text.slice(end(last), at))) return [];
  const chain = [last];
  for (let i = before.length - 2; i >= 0; i -= 1) {
    const o = before[i];
    const next = chain.at(-1);
    if (o === undefined || next === undefined || !SEPARATOR.test(text.slice(end(o), next.start)))
      break;
    chain.push(o);
  }
  return chain.reverse();
}

function rightChain(text: string, ends: readonly Occurrence[], at: number): Occurrence[] {
  const after = ends.filter((o) => o.start >= at);
  const first = after[0];
  if (first === undefined || !AFTER_TRIGGER.test(text.slice(at, first.start))) return [];
  const chain = [first];
  for (const o of after.slice(1)) {
    const previous = chain.at(-1);
    if (previous === undefined || !SEPARATOR.test(text.slice(end(previous), o.start))) break;
    chain.push(o);
  }
  return chain;
}

function side(
  text: string,
  ends: readonly Occurrence[],
  mode: RelationRule["left"],
  direction: "left" | "right",
  at: number,
): Occurrence[] {
  if (mode === "chain")
    return direction === "left" ? leftChain(text, ends, at) : rightChain(text, ends, at);
  // near: every name on that side, nearest first; the vocabulary picks the first that fits.
  return direction === "left"
    ? ends.filter((o) => end(o) <= at).reverse()
    : ends.filter((o) => o.start >= at);
}

/**
 * Links from trigger rules: for each trigger in a passage, the names on its left and right
 * (a chain: the enumeration touching it; near: the nearest name whose kind fits).
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
    for (const rule of RELATION_RULES) {
      for (const match of passage.text.matchAll(rule.trigger)) {
        const t0 = passage.start + (match.index ?? 0);
        const t1 = t0 + match[0].length;
        const lefts = side(text, ends, rule.left, "left", t0);
        const rights = side(text, ends, rule.right, "right", t1);
        const pairs: [Occurrence, Occurrence][] = [];
        const fits = (a: Occurrence, b: Occurrence) =>
          rule.reversed === true
            ? allows(rule.type, b.kind, a.kind)
            : allows(rule.type, a.kind, b.kind);
        if (rule.left === "near" || rule.right === "near") {
          const a =
            rule.left === "near"
              ? lefts.filter((l) => rights.some((r) => fits(l, r))).slice(0, 1)
              : lefts;
          for (const l of a) {
            const b = rule.right === "near" ? rights.filter((r) => fits(l, r)).slice(0, 1) : rights;
            for (const r of b) pairs.push([l, r]);
          }
        } else {
          for (const l of lefts) for (const r of rights) pairs.push([l, r]);
        }
        for (const [l, r] of pairs) {
          const [source, target] = rule.reversed === true ? [r, l] : [l, r];
          const start = Math.min(l.start, t0);
          links.push({
            rule: rule.id,
            confidence: rule.confidence,
            types: [rule.type],
            source,
            target,
            start,
            end: Math.max(end(r), t1),
          });
        }
      }
    }
  }
  return links;
}
