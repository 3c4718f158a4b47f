/**
 * Entity occurrences by rule: suffix names, quoted names, list items, sub-headings, persons,
 * enumerations and bare organ names; and the links their shapes state (a district before its
 * park, an item of a quoted list). Pure.
 */

import type { EntityKind } from "../model/vocabulary";
import type { Passage } from "./passages";
import {
  BARE_NAMES,
  CONGRESS_RULE,
  ENUMERATION_RULES,
  HEADING_RULE,
  LIST_ITEM_RULE,
  LIST_PART_RULE,
  PERSON_RULES,
  PERSON_TITLES,
  PHOTO_RULE,
  POSITION_RULE,
  QUOTE_RULES,
  SUFFIX_RULES,
  ADJACENT_RULE,
  ENUM_RELATION_RULE,
  HEADING_DELIVERS_RULE,
  STOP_WORDS,
} from "./rules";
import { rightChain } from "./relations";
import {
  end,
  isNameChar,
  nameStart,
  outermostOf,
  quotedRegions,
  readablePassages,
  type Link,
  type Occurrence,
} from "./spans";

/** Everything the entity rules found, before deduplication. */
export interface EntityFindings {
  readonly occurrences: Occurrence[];
  readonly links: Link[];
}

const PHRASE_END = /^(?:[、和与及等,，。；;：:)）”》\s的为在\d]|参与|参加|牵头|提供|共建|成长|$)/u;
// A district or county leading a longer name (金牛区中铁轨道交通高科技产业园): split it off.
const PLACE_PREFIX = /^(?:区县|[\p{Script=Han}]{1,3}?(?:区|县))(?=[\p{Script=Han}]{4,})/u;
const CLASS_WORDS = /(?:这类|此类|各类|这些)\p{Script=Han}{0,16}$/u;
const LEVEL_PREFIX = /^(市级|省级|区级|县级|国家级)/u;

function occurrence(
  text: string,
  start: number,
  stop: number,
  kind: EntityKind,
  rule: string,
  confidence: number,
  name = text.slice(start, stop),
): Occurrence {
  return { start, quote: text.slice(start, stop), name, kind, rule, confidence, entityId: null };
}

function link(
  rule: { id: string; confidence: number },
  types: readonly string[],
  source: Occurrence,
  target: Occurrence,
): Link {
  const start = Math.min(source.start, target.start);
  return {
    rule: rule.id,
    confidence: rule.confidence,
    types,
    source,
    target,
    start,
    end: Math.max(end(source), end(target)),
  };
}

/** Runs every entity rule over the first copies of the passages. */
export function findEntities(text: string, passages: readonly Passage[]): EntityFindings {
  const found: EntityFindings = { occurrences: [], links: [] };
  const quoted = quotedRegions(text);
  const inQuote = (at: number) => quoted.some(([a, b]) => at >= a && at < b);
  const titled: Titled[] = [];
  for (const passage of readablePassages(passages)) {
    suffixNames(text, passage, inQuote, found);
    quotedNames(text, passage, found);
    listItems(text, passage, found);
    persons(text, passage, found, titled);
    enumerations(text, passage, found);
    bareNames(text, passage, found);
    congresses(text, passage, found);
    listKin(text, passage, found);
  }
  meetingsOf(text, found);
  withoutPlacePrefix(found);
  headings(text, readablePassages(passages), found);
  positions(text, titled, found);
  deliverables(text, readablePassages(passages), found);
  visits(text, passages, found);
  photoLinks(passages, found);
  return found;
}

function suffixNames(
  text: string,
  passage: Passage,
  inQuote: (at: number) => boolean,
  found: EntityFindings,
): void {
  const claimedEnds = new Set<number>();
  const rules = [...SUFFIX_RULES].sort((a, b) => b.suffix.length - a.suffix.length);
  for (const rule of rules) {
    for (
      let at = text.indexOf(rule.suffix, passage.start);
      at >= 0 && at + rule.suffix.length <= passage.end;
      at = text.indexOf(rule.suffix, at + 1)
    ) {
      let stop = at + rule.suffix.length;
      let nameAt = at;
      if (inQuote(at)) {
        // A quote that ends in the kind word is the name's last word: 汽车产业“智造城”.
        if (text.charAt(stop) !== "”") continue;
        nameAt = text.lastIndexOf("“", at);
        stop += 1;
      }
      if (claimedEnds.has(stop)) continue;
      if (rule.notBefore?.some((word) => text.startsWith(word, stop)) === true) continue;
      if (rule.phraseEnd === true && !PHRASE_END.test(text.slice(stop, stop + 2))) continue;
      const start = nameStart(text, passage, nameAt, rule.minStem, rule.maxLength, stop - nameAt);
      if (start === null) continue;
      // A bare suffix (企业, 孵化器) is a name only where the rule allows a zero stem.
      if (stop - start < 2) continue;
      claimedEnds.add(stop);
      // 这类新型研究院, 各类创投机构: a class of actors, not one institution.
      const clause =
        text
          .slice(passage.start, start)
          .split(/[,，;；：:]/u)
          .at(-1) ?? "";
      const kind = CLASS_WORDS.test(clause)
        ? "CollectiveActor"
        : stop - start === rule.suffix.length
          ? (rule.bareKind ?? rule.kind)
          : rule.kind;
      const whole = occurrence(text, start, stop, kind, rule.id, rule.confidence);
      const prefix = PLACE_PREFIX.exec(whole.quote);
      if (prefix !== null && whole.kind !== "District") {
        const place = occurrence(
          text,
          start,
          start + prefix[0].length,
          prefix[0] === "区县" ? "Region" : "District",
          "entity:place-prefix",
          0.6,
        );
        const rest = occurrence(text, end(place), stop, rule.kind, rule.id, rule.confidence);
        found.occurrences.push(place, rest);
        // 新都区西南石油大学能源装备产业基地 places the base, not the university.
        if (rest.kind !== "University")
          found.links.push(link(ADJACENT_RULE, ["LOCATED_IN"], rest, place));
        continue;
      }
      found.occurrences.push(whole);
    }
  }
}

function quotedNames(text: string, passage: Passage, found: EntityFindings): void {
  const body = passage.text;
  for (const match of body.matchAll(/《([^《》\n]{2,60})》/gu)) {
    const start = passage.start + (match.index ?? 0) + 1;
    const name = match[1] ?? "";
    const { id, kind, confidence } = QUOTE_RULES.policy;
    found.occurrences.push(occurrence(text, start, start + name.length, kind, id, confidence));
  }
  for (const match of body.matchAll(/“([^“”\n]{2,80})”/gu)) {
    const start = passage.start + (match.index ?? 0) + 1;
    const inner = match[1] ?? "";
    if (!/\p{Script=Han}{2}/u.test(inner)) continue;
    const before = body.slice(0, match.index ?? 0);
    if (before.endsWith("简称")) {
      const { id, kind, confidence } = QUOTE_RULES.shortForm;
      found.occurrences.push(occurrence(text, start, start + inner.length, kind, id, confidence));
      continue;
    }
    const items = inner.split("、");
    const suffix = items.length > 1 ? sharedSuffix(items) : null;
    if (suffix !== null) {
      const members: Occurrence[] = [];
      let at = start;
      for (const item of items) {
        members.push(
          occurrence(
            text,
            at,
            at + item.length,
            suffix.kind,
            QUOTE_RULES.quotedList.id,
            QUOTE_RULES.quotedList.confidence,
          ),
        );
        at += item.length + 1;
      }
      found.occurrences.push(...members);
      // “A工程、B工程”等六大工程: each item is part of the whole named after 等.
      const after = text.slice(start + inner.length + 1, passage.end);
      const whole = /^等([^,，。；、]{2,16}?)(?=[,，。；]|$)/u.exec(after);
      if (whole?.[1]?.endsWith(suffix.suffix) === true) {
        const wholeStart = start + inner.length + 2;
        const total = occurrence(
          text,
          wholeStart,
          wholeStart + whole[1].length,
          suffix.kind,
          suffix.id,
          0.7,
        );
        found.occurrences.push(total);
        for (const member of members)
          found.links.push(link(LIST_PART_RULE, [LIST_PART_RULE.type], member, total));
      }
      continue;
    }
    // A quote run on into a kind word (“改革创新、转型升级”总体战略) is a suffix name instead.
    const covered = found.occurrences.some(
      (o) => o.start < start && end(o) > start + inner.length + 1,
    );
    if (covered) continue;
    if (inner.length > 30 || /[、,，]/u.test(inner)) continue;
    const { id, kind, confidence } = QUOTE_RULES.quoted;
    found.occurrences.push(occurrence(text, start, start + inner.length, kind, id, confidence));
  }
}

function sharedSuffix(items: readonly string[]) {
  return (
    SUFFIX_RULES.find((rule) =>
      items.every((item) => item.endsWith(rule.suffix) && item.length >= rule.suffix.length + 2),
    ) ?? null
  );
}

function listItems(text: string, passage: Passage, found: EntityFindings): void {
  const match = /^(?:[一二三四五六七八九十]+是|（[一二三四五六七八九十]+）|\d+[.、．])/u.exec(
    passage.text,
  );
  if (match === null) return;
  const start = passage.start + match[0].length;
  let stop = passage.end;
  while (stop > start && /[。；;]/u.test(text.charAt(stop - 1))) stop -= 1;
  if (stop - start < 4 || stop - start > 40) return;
  const { id, kind, confidence } = LIST_ITEM_RULE;
  found.occurrences.push(occurrence(text, start, stop, kind, id, confidence));
}

/**
 * A heading's (or list item's) body: the passages after it in the same paragraph up to the end
 * of the first full sentence (a ; goes on).
 */
function bodyAfter(text: string, passages: readonly Passage[], index: number): Passage[] {
  const body: Passage[] = [];
  let previous = passages[index];
  for (const next of passages.slice(index + 1)) {
    if (previous === undefined || text.slice(previous.end, next.start).includes("\n")) break;
    body.push(next);
    if (/[。！？]$/u.test(next.text)) break;
    previous = next;
  }
  return body;
}

const HEAD_RULES = new Set([HEADING_RULE.id, LIST_ITEM_RULE.id]);

function deliverables(text: string, passages: readonly Passage[], found: EntityFindings): void {
  const rule = HEADING_DELIVERS_RULE;
  for (const [index, passage] of passages.entries()) {
    const head = found.occurrences.find(
      (o) => HEAD_RULES.has(o.rule) && o.start >= passage.start && end(o) <= passage.end,
    );
    const body = bodyAfter(text, passages, index);
    const first = body[0];
    const last = body.at(-1);
    if (head === undefined || first === undefined || last === undefined) continue;
    const named = outermostOf(
      found.occurrences.filter((o) => o.start >= first.start && end(o) <= last.end),
    ).filter((o) => !HEAD_RULES.has(o.rule) && o.kind !== "CollectiveActor");
    const kinds = new Set(
      SUFFIX_RULES.filter(
        (r) => head.quote.endsWith(r.suffix) || head.quote.includes(`${r.suffix},`),
      ).map((r) => r.kind),
    );
    let targets = named.filter((o) => kinds.has(o.kind));
    if (targets.length === 0) {
      const bodyText = text.slice(first.start, last.end);
      const verb = [...bodyText.matchAll(rule.buildVerbs)][0];
      const from = first.start + (verb?.index ?? bodyText.length) + (verb?.[0].length ?? 0);
      targets = rightChain(text, named, from).filter((o) => o.start - from <= 40);
    }
    for (const target of targets) found.links.push(link(rule, [rule.type], head, target));
  }
}

function headings(text: string, passages: readonly Passage[], found: EntityFindings): void {
  for (const [index, passage] of passages.entries()) {
    const body = passage.text;
    if (!body.endsWith("。")) continue;
    const length = body.length - 1;
    if (length < HEADING_RULE.minLength || length > HEADING_RULE.maxLength) continue;
    if (!HEADING_RULE.openers.some((verb) => body.startsWith(verb))) continue;
    // A heading has a body: the next passage goes on in the same paragraph.
    if (bodyAfter(text, passages, index).length === 0) continue;
    if (/[,，、]/u.test(body) && !/^[^,，]{3,12}[,，][^,，]{3,12}。$/u.test(body)) continue;
    const { id, kind, confidence } = HEADING_RULE;
    found.occurrences.push(
      occurrence(text, passage.start, passage.start + length, kind, id, confidence),
    );
  }
}

const TITLE_ALTERNATION = [...PERSON_TITLES].sort((a, b) => b.length - a.length).join("|");
const STOP_OR_MARK = (s: string) =>
  s === "" ||
  !isNameChar(s.charAt(0)) ||
  STOP_WORDS.some((w) => s.startsWith(w)) ||
  /^(主持|指出|强调|表示|说)/u.test(s);

interface Titled {
  readonly person: Occurrence;
  readonly passage: Passage;
}

function persons(text: string, passage: Passage, found: EntityFindings, titled: Titled[]): void {
  const body = passage.text;
  const afterTitle = new RegExp(`(?:${TITLE_ALTERNATION})(\\p{Script=Han}{2,3})`, "gu");
  for (const match of body.matchAll(afterTitle)) {
    const nameAt = (match.index ?? 0) + match[0].length - (match[1] ?? "").length;
    const candidates = [3, 2].filter((n) => STOP_OR_MARK(body.slice(nameAt + n)));
    const length = candidates[0];
    if (length === undefined) continue;
    const start = passage.start + nameAt;
    if (PERSON_TITLES.some((t) => text.startsWith(t, start))) continue;
    const { id, kind, confidence } = PERSON_RULES.afterTitle;
    const person = occurrence(text, start, start + length, kind, id, confidence);
    found.occurrences.push(person);
    titled.push({ person, passage });
  }
  const before = new RegExp(
    `(?<=[、和与及,，])(\\p{Script=Han}{2})(?=代?(?:书记|市长|局长|主席))`,
    "gu",
  );
  for (const match of body.matchAll(before)) {
    const start = passage.start + (match.index ?? 0);
    const { id, kind, confidence } = PERSON_RULES.beforeTitle;
    found.occurrences.push(occurrence(text, start, start + 2, kind, id, confidence));
  }
  const credit = /^(\p{Script=Han}{2,3})摄$/u.exec(body);
  if (credit !== null) {
    const { id, kind, confidence } = PERSON_RULES.photoCredit;
    found.occurrences.push(
      occurrence(text, passage.start, passage.start + body.length - 1, kind, id, confidence),
    );
  }
}

const TITLE_RUN = new RegExp(`^(?:(?:党组|党委)?(?:${TITLE_ALTERNATION})、?)+$`, "u");

/**
 * 市科技局党组书记、局长唐华庚: links each titled person to the bodies whose titles stand right
 * before the name, once every name of the passage is known.
 */
function positions(text: string, titled: readonly Titled[], found: EntityFindings): void {
  for (const { person, passage } of titled) {
    let cursor = person.start;
    const bodies = found.occurrences
      .filter(
        (o) => o.kind === "GovernmentBody" && end(o) <= person.start && o.start >= passage.start,
      )
      .sort((a, b) => end(b) - end(a) || a.start - b.start);
    for (const body of bodies) {
      if (end(body) > cursor) continue;
      if (!TITLE_RUN.test(text.slice(end(body), cursor))) break;
      found.links.push(link(POSITION_RULE, [POSITION_RULE.type], person, body));
      cursor = body.start;
    }
  }
}

function enumerations(text: string, passage: Passage, found: EntityFindings): void {
  for (const rule of ENUMERATION_RULES) {
    const pattern = new RegExp(
      `((?:[^、,，。；：\\s“”]{1,8}、)+[^、,，。；：\\s“”]{1,8})等(重点)?${rule.head}`,
      "gu",
    );
    for (const match of passage.text.matchAll(pattern)) {
      const listAt = passage.start + (match.index ?? 0);
      const list = match[1] ?? "";
      const items = list.split("、");
      let at = listAt;
      let level = "";
      const members: { start: number; item: string }[] = [];
      for (const [index, raw] of items.entries()) {
        let item = raw;
        let start = at;
        if (index === 0) {
          const cut = nameStart(text, passage, at + raw.length, 2, 10, 0);
          if (cut === null) break;
          start = cut;
          item = text.slice(cut, at + raw.length);
          const prefix = LEVEL_PREFIX.exec(item);
          if (prefix !== null) {
            level = prefix[0];
            start += level.length;
            item = item.slice(level.length);
          }
        }
        members.push({ start, item });
        at += raw.length + 1;
      }
      if (members.length !== items.length) continue;
      for (const { start, item } of members) {
        const itemOcc =
          rule.itemKind === null
            ? null
            : occurrence(text, start, start + item.length, rule.itemKind, rule.id, rule.confidence);
        const composed =
          rule.composedKind === null
            ? null
            : occurrence(
                text,
                start,
                start + item.length,
                rule.composedKind,
                rule.id,
                rule.confidence,
                `${level}${item}${rule.head}`,
              );
        if (itemOcc !== null) found.occurrences.push(itemOcc);
        if (composed !== null) found.occurrences.push(composed);
        if (itemOcc !== null && composed !== null)
          found.links.push(
            link(ENUM_RELATION_RULE, ["ROADMAP_FOR", "FOCUSES_ON"], composed, itemOcc),
          );
      }
    }
  }
}

const KIN_KINDS = new Set<EntityKind>([
  "University",
  "District",
  "Enterprise",
  "ResearchInstitute",
]);
const KIN_RULE = { id: "entity:list-kin", confidence: 0.5 };

/**
 * An unnamed item in a list of names of one kind has that kind: in 川大、电子科大、西南交大、
 * 石油大学、成都大学, the abbreviations are universities like their neighbours.
 */
function listKin(text: string, passage: Passage, found: EntityFindings): void {
  const body = passage.text;
  for (const match of body.matchAll(
    /(?:[^、,，。；;：:\s“”《》]{2,8}、)+[^、,，。；;：:\s“”《》]{2,8}/gu,
  )) {
    const listAt = passage.start + (match.index ?? 0);
    const items: { start: number; stop: number }[] = [];
    let at = listAt;
    for (const raw of match[0].split("、")) {
      items.push({ start: at, stop: at + raw.length });
      at += raw.length + 1;
    }
    const kindAt = (item: { start: number; stop: number }) =>
      found.occurrences.find(
        (o) => o.start >= item.start && end(o) === item.stop && KIN_KINDS.has(o.kind),
      )?.kind;
    const kinds = items.map(kindAt);
    const known = kinds.filter((k) => k !== undefined);
    const kind = known[0];
    if (kind === undefined || known.length < 2 || known.some((k) => k !== kind)) continue;
    for (const [index, item] of items.entries()) {
      if (kinds[index] !== undefined) continue;
      let { start, stop } = item;
      if (index === 0) start = nameStart(text, passage, stop, 2, 8, 0) ?? stop;
      // The last item ends at 等 or at the first stop word (西南交大等在蓉高校).
      if (index === items.length - 1) {
        const tail = text.slice(start, stop).search(/等|作为|为/u);
        if (tail > 0) stop = start + tail;
      }
      if (stop - start < 2 || stop - start > 6) continue;
      found.occurrences.push(occurrence(text, start, stop, kind, KIN_RULE.id, KIN_RULE.confidence));
    }
  }
}

function congresses(text: string, passage: Passage, found: EntityFindings): void {
  for (const match of passage.text.matchAll(CONGRESS_RULE.pattern)) {
    const start = passage.start + (match.index ?? 0);
    const { id, kind, confidence } = CONGRESS_RULE;
    found.occurrences.push(occurrence(text, start, start + match[0].length, kind, id, confidence));
  }
}

const ORGANIZER_RULE = { id: "entity:meeting-of-organizer", confidence: 0.6 };

/**
 * A meeting is named after the body that holds it: 市委召开经济工作会议 is the 市委经济工作会议,
 * and 中央、省委经济工作会议 names the 中央经济工作会议 as well.
 */
function meetingsOf(text: string, found: EntityFindings): void {
  const organs = found.occurrences.filter((o) => o.kind === "GovernmentBody");
  const renamed = new Map<Occurrence, Occurrence>();
  for (const meeting of found.occurrences.filter((o) => o.kind === "Event")) {
    const held = organs.find(
      (o) => end(o) + 2 === meeting.start && text.startsWith("召开", end(o)),
    );
    if (held !== undefined && !meeting.name.startsWith(held.name)) {
      renamed.set(meeting, {
        ...meeting,
        name: `${held.name}${meeting.name}`,
        rule: ORGANIZER_RULE.id,
      });
    }
    const inner = organs.find(
      (o) => o.start === meeting.start && o.quote.length < meeting.quote.length,
    );
    const listed =
      inner === undefined
        ? undefined
        : organs.find((o) => end(o) + 1 === meeting.start && text.charAt(end(o)) === "、");
    if (inner !== undefined && listed !== undefined) {
      const rest = meeting.name.slice(inner.name.length);
      found.occurrences.push({
        ...listed,
        name: `${listed.name}${rest}`,
        kind: "Event",
        rule: ORGANIZER_RULE.id,
        confidence: ORGANIZER_RULE.confidence,
      });
    }
  }
  for (const [index, o] of found.occurrences.entries()) {
    const replacement = renamed.get(o);
    if (replacement !== undefined) found.occurrences[index] = replacement;
  }
}

/**
 * An industry named with its place (成都战略性新兴产业, 成都知识产权服务业) is the industry: the
 * place is any city, district or region the text names elsewhere.
 */
function withoutPlacePrefix(found: EntityFindings): void {
  const places = new Set<string>();
  for (const o of found.occurrences) {
    if (o.kind !== "Region" && o.kind !== "District") continue;
    places.add(o.name);
    if (/^\p{Script=Han}{2}市$/u.test(o.name)) places.add(o.name.slice(0, -1));
  }
  for (const [index, o] of found.occurrences.entries()) {
    if (o.kind !== "Industry") continue;
    const place = [...places].find((p) => o.name.startsWith(p) && o.name.length - p.length >= 3);
    if (place === undefined) continue;
    found.occurrences[index] = {
      ...o,
      start: o.start + place.length,
      quote: o.quote.slice(place.length),
      name: o.name.slice(place.length),
    };
  }
}

function bareNames(text: string, passage: Passage, found: EntityFindings): void {
  for (const word of BARE_NAMES.words) {
    for (
      let at = text.indexOf(word, passage.start);
      at >= 0 && at + word.length <= passage.end;
      at = text.indexOf(word, at + 1)
    ) {
      found.occurrences.push(
        occurrence(
          text,
          at,
          at + word.length,
          BARE_NAMES.kind,
          BARE_NAMES.id,
          BARE_NAMES.confidence,
        ),
      );
    }
  }
}

/** A photo credit names who took the picture the caption before it describes. */
function photoLinks(passages: readonly Passage[], findings: EntityFindings): void {
  const readable = readablePassages(passages);
  for (const [index, passage] of readable.entries()) {
    const person = findings.occurrences.find(
      (o) => o.rule === PERSON_RULES.photoCredit.id && o.start === passage.start,
    );
    const caption = readable[index - 1];
    if (person === undefined || caption === undefined) continue;
    const shown = findings.occurrences.filter(
      (o) => o.start >= caption.start && end(o) <= caption.end,
    );
    for (const target of shown)
      findings.links.push(link(PHOTO_RULE, [PHOTO_RULE.type], person, target));
  }
}

/** 黄新初在西南交通大学调研轨道产业: a visit is an event, at a place, about an industry. */
function visits(text: string, passages: readonly Passage[], findings: EntityFindings): void {
  const { visit } = PERSON_RULES;
  for (const passage of readablePassages(passages)) {
    for (const match of passage.text.matchAll(
      /(\p{Script=Han}{2,3})在([^。,，、]{2,20}?)(?:调研|视察|考察)([^。,，、]{0,12})/gu,
    )) {
      const start = passage.start + (match.index ?? 0);
      const person = findings.occurrences.find((o) => o.kind === "Person" && o.start === start);
      if (person === undefined) continue;
      const stop = start + match[0].length;
      const event = occurrence(text, start, stop, visit.kind, visit.id, visit.confidence);
      findings.occurrences.push(event);
      findings.links.push(link(visit, ["PARTICIPATES_IN"], person, event));
      for (const inside of findings.occurrences.filter(
        (o) => o !== event && o.start > person.start && end(o) <= stop,
      )) {
        findings.links.push(link(visit, ["VISITED"], person, inside));
        findings.links.push(link(visit, ["LOCATED_IN", "FOCUSES_ON"], event, inside));
      }
    }
  }
}
