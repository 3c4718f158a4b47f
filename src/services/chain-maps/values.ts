import {
  CHAIN_POSITIONS,
  CHAIN_POSITION_ZH,
  SEGMENT_ROLES,
  SEGMENT_ROLE_ZH,
  type ChainPosition,
  type SegmentRole,
} from "../../model/chain-map";
import { ENTITY_KINDS, KIND_SPECS, RELATION_TYPES, type EntityKind } from "../../model/vocabulary";

/**
 * The closed-value columns (kind, position, role, links.type): every spelling each accepts, and
 * the message listing them when a cell matches none. The template's drop-downs offer one spelling
 * of each (dropDownValues), which must itself be accepted: the tests read the template back.
 */

/** The form spellings are compared in: NFKC, lower case, no space around "/" ("企业/集团"). */
function spelling(value: string): string {
  return value
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/\s*\/\s*/gu, "/")
    .replace(/\s+/gu, " ");
}

/** A lookup from every accepted spelling to its value; the first value to claim a spelling keeps it. */
function lookup<T>(entries: readonly (readonly [T, readonly string[]])[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [value, spellings] of entries) {
    for (const s of spellings) if (!map.has(spelling(s))) map.set(spelling(s), value);
  }
  return map;
}

/** The halves of a "企业 / 集团" label, each naming the kind alone. */
function zhHalves(zh: string): string[] {
  return zh.split("/").map((half) => half.trim());
}

const KIND_SPELLINGS: readonly (readonly [EntityKind, readonly string[]])[] = ENTITY_KINDS.map(
  (kind) => [kind, [kind, KIND_SPECS[kind].zh, ...zhHalves(KIND_SPECS[kind].zh)]] as const,
);

/** 服务 is how planners often write the service tier; the contract's label is 配套服务. */
const POSITION_SPELLINGS: readonly (readonly [ChainPosition, readonly string[]])[] =
  CHAIN_POSITIONS.map((position) => {
    const extra = position === "service" ? ["服务"] : [];
    return [position, [position, CHAIN_POSITION_ZH[position], ...extra]] as const;
  });

/** Short forms planners write for the roles (链主 for 链主企业). */
const ROLE_SHORT: Readonly<Record<SegmentRole, readonly string[]>> = {
  "chain-leader": ["链主"],
  supplier: ["配套"],
  research: ["研发"],
  platform: ["平台"],
  carrier: ["载体"],
  project: [],
  fund: [],
  policy: [],
};

const ROLE_SPELLINGS: readonly (readonly [SegmentRole, readonly string[]])[] = SEGMENT_ROLES.map(
  (role) => [role, [role, SEGMENT_ROLE_ZH[role], ...ROLE_SHORT[role]]] as const,
);

const KINDS = lookup(KIND_SPELLINGS);
const POSITIONS = lookup(POSITION_SPELLINGS);
const ROLES = lookup(ROLE_SPELLINGS);
const TYPES = lookup(RELATION_TYPES.map((type) => [type, [type]] as const));

export function parseKind(value: string): EntityKind | undefined {
  return KINDS.get(spelling(value));
}

export function parsePosition(value: string): ChainPosition | undefined {
  return POSITIONS.get(spelling(value));
}

export function parseRole(value: string): SegmentRole | undefined {
  return ROLES.get(spelling(value));
}

/** A relationship type of the vocabulary, in any case (located_in is LOCATED_IN). */
export function parseRelationType(value: string): string | undefined {
  return TYPES.get(spelling(value));
}

/** "Enterprise (企业 / 集团, 企业, 集团)": a value with its other spellings, for messages. */
function describe<T extends string>(entries: readonly (readonly [T, readonly string[]])[]): string {
  return entries
    .map(([value, spellings]) => {
      const others = [...new Set(spellings.filter((s) => s !== value))];
      return others.length === 0 ? value : `${value} (${others.join(", ")})`;
    })
    .join("; ");
}

export const ACCEPTED_KINDS = describe(KIND_SPELLINGS);
export const ACCEPTED_POSITIONS = describe(POSITION_SPELLINGS);
export const ACCEPTED_ROLES = describe(ROLE_SPELLINGS);
export const ACCEPTED_TYPES = RELATION_TYPES.join(", ");

/**
 * What the template's drop-downs offer: the Chinese labels planners read (kind, position, role)
 * and the relationship types as the vocabulary spells them.
 */
export const DROP_DOWN_VALUES = {
  kind: ENTITY_KINDS.map((kind) => KIND_SPECS[kind].zh),
  position: CHAIN_POSITIONS.map((position) => CHAIN_POSITION_ZH[position]),
  role: SEGMENT_ROLES.map((role) => SEGMENT_ROLE_ZH[role]),
  type: [...RELATION_TYPES],
} as const;
