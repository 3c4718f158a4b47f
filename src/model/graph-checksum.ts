import { createHash } from "node:crypto";

/** A node as the checksum sees it: its labels and its properties as plain values. */
export interface ChecksumNode {
  readonly labels: readonly string[];
  readonly props: unknown;
}

/** A relationship as the checksum sees it: its ends by id (or key), its type and properties. */
export interface ChecksumRelationship {
  readonly source: unknown;
  readonly type: unknown;
  readonly target: unknown;
  readonly props: unknown;
}

/**
 * What a checksum leaves out, said where it is computed: nodes bearing one of `labels` (and the
 * relationships touching them). Empty by default: the whole graph.
 */
export interface ChecksumOptions {
  readonly excludeLabels?: readonly string[];
}

/**
 * A sha256 of every node's labels and properties and every relationship's ends, type and
 * properties, in a canonical order (lines sorted, keys sorted): equal checksums mean equal graphs.
 * Pure, so a backup file's content and a live database are checksummed by the same code.
 */
export function checksumOf(
  nodes: Iterable<ChecksumNode>,
  relationships: Iterable<ChecksumRelationship>,
): string {
  const lines: string[] = [];
  for (const node of nodes)
    lines.push(canonical({ labels: [...node.labels].sort(), props: node.props }));
  for (const { source, type, target, props } of relationships)
    lines.push(canonical({ source, type, target, props }));
  return createHash("sha256").update(lines.sort().join("\n")).digest("hex");
}

/** JSON with object keys sorted at every level. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) => {
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) return entry;
    return Object.fromEntries(
      Object.entries(entry as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
    );
  });
}
