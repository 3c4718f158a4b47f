import type {
  ChainMap,
  ChainMapSheet,
  ChainMapSource,
  Citation,
  LinkRow,
  MemberRow,
  SegmentRow,
} from "../../model/chain-map";
import { normalizeName } from "../../model/names";
import type { EntityKind } from "../../model/vocabulary";
import { splitValues } from "./cells";
import { CHAIN_MAP_COLUMNS } from "./columns";
import type { ProblemList } from "./problems";
import type { RawRow, RawTable } from "./tables";
import {
  ACCEPTED_KINDS,
  ACCEPTED_POSITIONS,
  ACCEPTED_ROLES,
  ACCEPTED_TYPES,
  parseKind,
  parsePosition,
  parseRelationType,
  parseRole,
} from "./values";

/**
 * From keyed text to the chain map's rows: every value checked and every reference followed inside
 * the file, every problem collected. Names are compared normalised (normalizeName: case, width,
 * spaces) and a reference is rewritten to the spelling of the row it names, so the importer gets
 * one spelling per segment and per source.
 */

export type ChainMapRows = Omit<ChainMap, "fileName" | "checksum">;

/** One data row being read: its cells, and where its problems go. */
class RowReader {
  constructor(
    private readonly table: RawTable,
    readonly raw: RawRow,
    private readonly problems: ProblemList,
  ) {}

  get row(): number {
    return this.raw.row;
  }

  get sheet(): ChainMapSheet {
    return this.table.sheet;
  }

  text(key: string): string | null {
    return this.raw.cells.get(key) ?? null;
  }

  list(key: string): string[] {
    return splitValues(this.text(key));
  }

  problem(key: string | null, reason: string): void {
    this.problems.add(this.table.sheet, this.raw.row, key, reason);
  }

  /**
   * An empty cell that must not be, reported once: not when the whole column is missing (row 1
   * says so) nor when the cell held a spreadsheet error (already said).
   */
  missing(key: string, reason?: string): void {
    if (!this.table.columns.has(key) || this.raw.broken.has(key)) return;
    const spec = CHAIN_MAP_COLUMNS[this.table.sheet].find((s) => s.key === key);
    this.problem(key, reason ?? `${key} (${spec?.zh ?? key}) is required; the cell is empty`);
  }

  required(key: string): string | null {
    const text = this.text(key);
    if (text === null) this.missing(key);
    return text;
  }

  requiredList(key: string): string[] {
    const values = this.list(key);
    if (values.length === 0) this.missing(key);
    return values;
  }
}

function readers(table: RawTable | undefined, problems: ProblemList): RowReader[] {
  if (table === undefined) return [];
  return table.rows.map((raw) => new RowReader(table, raw, problems));
}

/** "A, B, C … (12 in all)": enough of a list to help without drowning the message. */
function shortList(values: readonly string[]): string {
  if (values.length === 0) return "none";
  const shown = values.slice(0, 10).join(", ");
  return values.length > 10 ? `${shown} … (${values.length} in all)` : shown;
}

// ——— sources ———

interface SourceIndex {
  readonly sources: ChainMapSource[];
  /** Normalised key → the key as written. */
  readonly keys: Map<string, string>;
}

/** The sources every row cites: a file without one is refused outright. */
function checkSources(table: RawTable | undefined, problems: ProblemList): SourceIndex {
  const index: SourceIndex = { sources: [], keys: new Map() };
  if (table === undefined) {
    problems.add("sources", 0, null, "no sources sheet: an import without a source is refused");
    return index;
  }
  if (table.rows.length === 0) {
    problems.add("sources", 0, null, "no source rows: an import without a source is refused");
  }
  const firstRow = new Map<string, number>();
  for (const r of readers(table, problems)) {
    const key = r.required("key");
    const title = r.required("title");
    const location = r.required("url_or_file");
    if (key === null) continue;
    const first = firstRow.get(normalizeName(key));
    if (first !== undefined) {
      r.problem("key", `duplicate source key "${key}" (first on row ${first})`);
      continue;
    }
    firstRow.set(normalizeName(key), r.row);
    index.keys.set(normalizeName(key), key);
    if (title === null || location === null) continue;
    const at = { sheet: r.sheet, row: r.row };
    index.sources.push({
      key,
      title,
      issuer: r.text("issuer"),
      date: r.text("date"),
      location,
      at,
    });
  }
  return index;
}

/** A row's citation, its key spelled as the sources sheet spells it. */
function citation(r: RowReader, sources: SourceIndex): Citation | null {
  const source = r.text("source");
  if (source === null) {
    r.missing("source", "no source: every row must cite a key of the sources sheet");
    return null;
  }
  const key = sources.keys.get(normalizeName(source));
  if (key === undefined) {
    const known = shortList([...sources.keys.values()]);
    r.problem("source", `unknown source "${source}"; the sources sheet has: ${known}`);
    return null;
  }
  return { source: key, page: r.text("page") };
}

// ——— segments ———

interface SegmentEntry {
  readonly name: string;
  readonly row: number;
}

/** Segments by normalised industry, then normalised name: the first row listing each. */
type SegmentIndex = Map<string, Map<string, SegmentEntry>>;

function segmentKey(industry: string, name: string): string {
  return `${normalizeName(industry)}\u0000${normalizeName(name)}`;
}

function findSegment(
  index: SegmentIndex,
  industry: string,
  name: string,
): SegmentEntry | undefined {
  return index.get(normalizeName(industry))?.get(normalizeName(name));
}

function noSegment(name: string, industry: string): string {
  return `no segment "${name}" in industry "${industry}" in this file`;
}

/**
 * Every segment's first row, before any reference is followed, so a segment may name one listed
 * further down; a second row for the same (industry, segment) is a problem.
 */
function indexSegments(rows: readonly RowReader[]): { index: SegmentIndex; repeats: Set<number> } {
  const index: SegmentIndex = new Map();
  const repeats = new Set<number>();
  for (const r of rows) {
    const industry = r.text("industry");
    const name = r.text("segment");
    if (industry === null || name === null) continue;
    const first = findSegment(index, industry, name);
    if (first !== undefined) {
      const reason = `segment "${name}" of industry "${industry}" is listed twice (first on row ${first.row})`;
      r.problem("segment", reason);
      repeats.add(r.row);
      continue;
    }
    const byName = index.get(normalizeName(industry)) ?? new Map<string, SegmentEntry>();
    byName.set(normalizeName(name), { name, row: r.row });
    index.set(normalizeName(industry), byName);
  }
  return { index, repeats };
}

/** The segments a segment supplies, spelled as their rows spell them; itself is refused. */
function suppliedSegments(
  r: RowReader,
  index: SegmentIndex,
  industry: string,
  name: string | null,
): string[] | null {
  const supplies: string[] = [];
  let ok = true;
  for (const target of r.list("supplies")) {
    if (name !== null && normalizeName(target) === normalizeName(name)) {
      r.problem("supplies", "a segment cannot supply itself");
      ok = false;
      continue;
    }
    const found = findSegment(index, industry, target);
    if (found === undefined) {
      r.problem("supplies", noSegment(target, industry));
      ok = false;
    } else if (!supplies.includes(found.name)) {
      supplies.push(found.name);
    }
  }
  return ok ? supplies : null;
}

/** The parent segment's spelling, null for none, undefined when it names no segment. */
function parentSegment(
  r: RowReader,
  index: SegmentIndex,
  industry: string,
): string | null | undefined {
  const parent = r.text("parent_segment");
  if (parent === null) return null;
  const found = findSegment(index, industry, parent);
  if (found === undefined) r.problem("parent_segment", noSegment(parent, industry));
  return found?.name;
}

/** One segment row checked: its cells, then its references inside its industry. */
function checkSegment(r: RowReader, index: SegmentIndex, sources: SourceIndex): SegmentRow | null {
  const industry = r.required("industry");
  const name = r.required("segment");
  const positionText = r.required("position");
  const position = positionText === null ? undefined : parsePosition(positionText);
  if (positionText !== null && position === undefined) {
    r.problem("position", `unknown position "${positionText}"; accepted: ${ACCEPTED_POSITIONS}`);
  }
  const parent = industry === null ? undefined : parentSegment(r, index, industry);
  const supplies = industry === null ? null : suppliedSegments(r, index, industry, name);
  const cite = citation(r, sources);
  if (industry === null || name === null || position === undefined) return null;
  if (parent === undefined || supplies === null || cite === null) return null;
  const aliases = r.list("aliases");
  const at = { sheet: r.sheet, row: r.row };
  return { industry, name, parent, position, supplies, aliases, cite, at };
}

/**
 * Parent cycles (A's parent B, B's parent A; or A its own parent): each segment on a cycle is told
 * the whole loop, starting from itself, since any of them may be the wrong one.
 */
function checkParentCycles(rows: readonly RowReader[], index: SegmentIndex): void {
  const parents = new Map<string, string>();
  const byKey = new Map<string, RowReader>();
  for (const r of rows) {
    const industry = r.text("industry");
    const name = r.text("segment");
    const parent = r.text("parent_segment");
    if (industry === null || name === null || findSegment(index, industry, name)?.row !== r.row) {
      continue;
    }
    byKey.set(segmentKey(industry, name), r);
    if (parent !== null && findSegment(index, industry, parent) !== undefined) {
      parents.set(segmentKey(industry, name), segmentKey(industry, parent));
    }
  }
  for (const cycle of cyclesOf(parents)) {
    const names = cycle.map((key) => byKey.get(key)?.text("segment") ?? key);
    cycle.forEach((key, i) => {
      const loop = [...names.slice(i), ...names.slice(0, i), names[i]];
      byKey
        .get(key)
        ?.problem("parent_segment", `parent_segment makes a cycle: ${loop.join(" → ")}`);
    });
  }
}

/** The cycles of a graph where each node has at most one parent, each walked from its first node. */
function cyclesOf(parents: ReadonlyMap<string, string>): string[][] {
  const state = new Map<string, "walking" | "done">();
  const cycles: string[][] = [];
  for (const start of parents.keys()) {
    const path: string[] = [];
    let node: string | undefined = start;
    while (node !== undefined && !state.has(node)) {
      state.set(node, "walking");
      path.push(node);
      node = parents.get(node);
    }
    if (node !== undefined && state.get(node) === "walking")
      cycles.push(path.slice(path.indexOf(node)));
    for (const visited of path) state.set(visited, "done");
  }
  return cycles;
}

function checkSegments(
  table: RawTable | undefined,
  sources: SourceIndex,
  problems: ProblemList,
): { segments: SegmentRow[]; index: SegmentIndex } {
  const rows = readers(table, problems);
  const { index, repeats } = indexSegments(rows);
  const segments: SegmentRow[] = [];
  for (const r of rows) {
    const segment = checkSegment(r, index, sources);
    if (segment !== null && !repeats.has(r.row)) segments.push(segment);
  }
  checkParentCycles(rows, index);
  return { segments, index };
}

// ——— members ———

/** Who was seen first, for the duplicate and kind checks that span rows. */
interface MemberIndex {
  /** Normalised industry + name → first row. */
  readonly inIndustry: Map<string, number>;
  /** Normalised name → the first kind given it, and where. */
  readonly kinds: Map<string, { kind: EntityKind; row: number }>;
}

/** The kind cell, and the rule that a name has one kind wherever it appears. */
function memberKind(r: RowReader, name: string | null, members: MemberIndex): EntityKind | null {
  const text = r.required("kind");
  if (text === null) return null;
  const kind = parseKind(text);
  if (kind === undefined) {
    r.problem("kind", `unknown kind "${text}"; accepted: ${ACCEPTED_KINDS}`);
    return null;
  }
  if (name === null) return kind;
  const first = members.kinds.get(normalizeName(name));
  if (first === undefined) {
    members.kinds.set(normalizeName(name), { kind, row: r.row });
  } else if (first.kind !== kind) {
    r.problem(
      "kind",
      `"${name}" is ${kind} here but ${first.kind} on row ${first.row}: a name has one kind`,
    );
    return null;
  }
  return kind;
}

/** A name listed once per industry: one row carries all of its segments. */
function checkMemberOnce(
  r: RowReader,
  name: string,
  industry: string,
  members: MemberIndex,
): boolean {
  const key = segmentKey(industry, name);
  const first = members.inIndustry.get(key);
  if (first === undefined) {
    members.inIndustry.set(key, r.row);
    return true;
  }
  r.problem(
    "name",
    `"${name}" is listed twice in industry "${industry}" (first on row ${first}); list all its segments in one row`,
  );
  return false;
}

/** The member's segments, spelled as the segments sheet spells them. */
function memberSegments(
  r: RowReader,
  index: SegmentIndex,
  industry: string | null,
): string[] | null {
  const names = r.requiredList("segments");
  if (industry === null || names.length === 0) return null;
  const found = names.map((name) => {
    const segment = findSegment(index, industry, name);
    if (segment === undefined) r.problem("segments", noSegment(name, industry));
    return segment?.name;
  });
  const resolved = found.filter((name) => name !== undefined);
  return resolved.length === names.length ? [...new Set(resolved)] : null;
}

function memberRole(r: RowReader): MemberRow["role"] | null {
  const text = r.required("role");
  if (text === null) return null;
  const role = parseRole(text);
  if (role === undefined) r.problem("role", `unknown role "${text}"; accepted: ${ACCEPTED_ROLES}`);
  return role ?? null;
}

function checkMember(
  r: RowReader,
  index: SegmentIndex,
  sources: SourceIndex,
  members: MemberIndex,
): MemberRow | null {
  const name = r.required("name");
  const kind = memberKind(r, name, members);
  const industry = r.required("industry");
  const once = name === null || industry === null || checkMemberOnce(r, name, industry, members);
  const segments = memberSegments(r, index, industry);
  const role = memberRole(r);
  const cite = citation(r, sources);
  if (name === null || kind === null || industry === null || !once) return null;
  if (segments === null || role === null || cite === null) return null;
  const aliases = r.list("aliases");
  const district = r.text("district");
  const at = { sheet: r.sheet, row: r.row };
  return { name, kind, aliases, district, industry, segments, role, cite, at };
}

function checkMembers(
  table: RawTable | undefined,
  index: SegmentIndex,
  sources: SourceIndex,
  problems: ProblemList,
): MemberRow[] {
  const members: MemberIndex = { inIndustry: new Map(), kinds: new Map() };
  return readers(table, problems)
    .map((r) => checkMember(r, index, sources, members))
    .filter((member) => member !== null);
}

// ——— links ———

function checkLink(r: RowReader, sources: SourceIndex): LinkRow | null {
  const from = r.required("from");
  const typeText = r.required("type");
  const type = typeText === null ? undefined : parseRelationType(typeText);
  if (typeText !== null && type === undefined) {
    r.problem("type", `unknown relationship type "${typeText}"; accepted: ${ACCEPTED_TYPES}`);
  }
  const to = r.required("to");
  const cite = citation(r, sources);
  if (from === null || type === undefined || to === null || cite === null) return null;
  return { from, type, to, cite, at: { sheet: r.sheet, row: r.row } };
}

function checkLinks(
  table: RawTable | undefined,
  sources: SourceIndex,
  problems: ProblemList,
): LinkRow[] {
  return readers(table, problems)
    .map((r) => checkLink(r, sources))
    .filter((link) => link !== null);
}

/**
 * The chain map's rows from its tables. Only sources is required; a missing segments, members or
 * links table is an empty one. The rows are only meaningful when no problem was added.
 */
export function checkTables(
  tables: ReadonlyMap<ChainMapSheet, RawTable>,
  problems: ProblemList,
): ChainMapRows {
  const sources = checkSources(tables.get("sources"), problems);
  const { segments, index } = checkSegments(tables.get("segments"), sources, problems);
  const members = checkMembers(tables.get("members"), index, sources, problems);
  const links = checkLinks(tables.get("links"), sources, problems);
  return { sources: sources.sources, segments, members, links };
}
