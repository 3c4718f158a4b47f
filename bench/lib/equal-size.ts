import type { EntityKind } from "../../src/model/vocabulary";
import type { Anchors } from "./ops";
import { entityId, plan } from "./synthetic";

/**
 * The scale goal compares answers of equal size (issue 17, decision 2): an operation's p99 on the
 * large graph against its p99 on the small one for anchors whose answers name the same number of
 * entities — both at their `first` caps, or anchors of the same size — with the time per answer
 * entity beside it. A latency ratio between a 40-entity answer and a 400-entity one says little
 * about the graph's size.
 */

/** The anchor field an id-anchored operation is asked about. */
const ANCHOR_FIELD: Readonly<Record<string, keyof Anchors>> = {
  "entity-2-levels": "districtId",
  "entity-2-levels-first10": "districtId",
  "neighborhood-2": "neighborhoodId",
  "innovation-chain": "industryId",
  paths: "pathTo",
  "paths-bounded": "pathTo",
};

/** Ranks 0..n-1 of a kind, at most `max` of them spread evenly (rank 0, the biggest hub, first). */
function ranks(size: number, kind: EntityKind, max: number): string[] {
  const count = plan(size).kinds.get(kind)?.count ?? 0;
  const step = Math.max(1, Math.floor(count / max));
  const out: string[] = [];
  for (let k = 0; k < count && out.length < max; k += step) out.push(entityId(kind, k));
  return out;
}

/**
 * What an id-anchored operation can be asked about on the synthetic graph of `size` entities, most
 * linked first (Zipf rank order), as variations of `base`; none for other operations.
 */
export function candidateAnchors(size: number, base: Anchors, opName: string): Anchors[] {
  const field = ANCHOR_FIELD[opName];
  if (field === undefined) return [];
  const ids =
    field === "industryId"
      ? ranks(size, "Industry", 40)
      : field === "neighborhoodId"
        ? [...ranks(size, "District", 23), ...ranks(size, "Project", 20)]
        : ranks(size, "District", 23);
  return ids.map((id) => ({ ...base, [field]: id }));
}

/** The anchor an operation was asked about, as a report shows it. */
export function anchorLabel(opName: string, anchors: Anchors): string {
  const field = ANCHOR_FIELD[opName];
  if (field === undefined) return "-";
  return field === "pathTo" ? `${anchors.pathFrom}>${anchors.pathTo}` : anchors[field];
}

/**
 * The candidate whose answer names the number of entities closest to `target`; among equals the
 * first, i.e. the most linked, so a hub stays a hub when it can.
 */
export function closestAnswer<T extends { readonly ids: number }>(
  target: number,
  measured: readonly T[],
): T | undefined {
  let best: T | undefined;
  for (const m of measured) {
    if (best === undefined || Math.abs(m.ids - target) < Math.abs(best.ids - target)) best = m;
  }
  return best;
}

export interface SideFigures {
  readonly size: number;
  readonly anchor: string;
  readonly answer_ids: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
  /** p99 divided by the entities the answer names, in microseconds. */
  readonly p99_us_per_entity: number;
}

export interface EqualSizeComparison {
  readonly name: string;
  readonly role: "hub" | "typical";
  readonly small: SideFigures;
  readonly large: SideFigures;
  /** Whether the two answers name the same number of entities. */
  readonly equal: boolean;
  /** large p99 / small p99. */
  readonly p99_ratio: number;
}

export function side(
  size: number,
  anchor: string,
  run: { answer_ids: number; p50_ms: number; p99_ms: number },
): SideFigures {
  return {
    size,
    anchor,
    answer_ids: run.answer_ids,
    p50_ms: run.p50_ms,
    p99_ms: run.p99_ms,
    p99_us_per_entity:
      run.answer_ids === 0 ? Number.NaN : Math.round((run.p99_ms * 1000) / run.answer_ids),
  };
}

export function compare(
  name: string,
  role: "hub" | "typical",
  small: SideFigures,
  large: SideFigures,
): EqualSizeComparison {
  return {
    name,
    role,
    small,
    large,
    equal: small.answer_ids === large.answer_ids,
    p99_ratio: Number((large.p99_ms / small.p99_ms).toFixed(2)),
  };
}

/** The equal-size comparisons as the Markdown table bench/RESULTS.md carries. */
export function equalSizeTable(rows: readonly EqualSizeComparison[]): string {
  const header = [
    "op",
    "role",
    "anchor small → large",
    "entities small / large",
    "p99 small ms",
    "p99 large ms",
    "p99 large/small",
    "µs/entity small / large (p99)",
  ];
  const lines = rows.map((r) => [
    r.name,
    r.role,
    `${r.small.anchor} → ${r.large.anchor}`,
    `${r.small.answer_ids} / ${r.large.answer_ids}${r.equal ? "" : " (not equal)"}`,
    r.small.p99_ms,
    r.large.p99_ms,
    r.p99_ratio,
    `${r.small.p99_us_per_entity} / ${r.large.p99_us_per_entity}`,
  ]);
  return [header, header.map(() => "---"), ...lines]
    .map((row) => `| ${row.map(String).join(" | ")} |`)
    .join("\n");
}
