import { canonical } from "../../model/graph-checksum";
import type { EntityKind } from "../../model/vocabulary";
import { entitySchema, relationshipSchema } from "../../seeds/schema";
import type { Entity, Relationship, SeedSet } from "../../seeds/types";
import type { ExportedSet } from "./records";

/**
 * Where each exported record goes, and in what order: the files a reviewer diffs against the
 * committed seeds/. Pure. With a reference seed folder (the committed seeds/), a record the graph
 * still holds unchanged keeps its file, its place and its exact committed form (the graph keeps no
 * order of mentions, facts or keys); a changed record keeps its file and place in the export's
 * form; a new one goes to its family's file (entities by kind, relationships with their source),
 * after the others, by id. Without a reference, every file is sorted by id.
 */

/** The family file of each kind, as seeds/ splits them. */
export const KIND_FAMILY: Readonly<Record<EntityKind, string>> = {
  University: "institutions",
  ResearchInstitute: "institutions",
  Enterprise: "institutions",
  GovernmentBody: "institutions",
  CollectiveActor: "institutions",
  Platform: "institutions",
  District: "places",
  Region: "places",
  Carrier: "places",
  Industry: "industries",
  TechnologyRoadmap: "industries",
  ChainSegment: "industries",
  Project: "policy",
  Fund: "policy",
  Policy: "policy",
  Program: "policy",
  Mechanism: "policy",
  Person: "people-events",
  Event: "people-events",
};

/** File (relative to the export folder) → its JSON value, in a stable order of files. */
export type ExportFiles = Map<string, unknown>;

export function layOut(set: ExportedSet, reference?: SeedSet): ExportFiles {
  const files: ExportFiles = new Map();
  const documents = place(
    set.documents.map(({ record }) => record),
    (record) => record.id,
    () => "documents.json",
    reference?.documents ?? [],
    (raw) => idOf(raw, "id"),
    (record, raw) => canonical(record) === canonical(raw),
  );
  files.set("documents.json", documents.get("documents.json") ?? []);

  const entityFile = new Map<string, string>();
  const entities = place(
    set.entities,
    (entity) => entity.id,
    (entity) => `entities/${KIND_FAMILY[entity.kind]}.json`,
    reference?.entities ?? [],
    (raw) => idOf(raw, "id"),
    sameEntity,
  );
  for (const [file, records] of entities)
    for (const record of records as Entity[]) entityFile.set(record.id, file);
  const relationships = place(
    set.relationships,
    relationshipKey,
    (rel) =>
      (entityFile.get(rel.source) ?? "entities/policy.json").replace(
        /^entities\//,
        "relationships/",
      ),
    reference?.relationships ?? [],
    (raw) => rawRelationshipKey(raw),
    sameRelationship,
  );
  // A family file the reference has and the graph no longer fills stays, empty.
  for (const { file } of [...(reference?.entities ?? []), ...(reference?.relationships ?? [])])
    files.set(file, []);
  for (const [file, records] of [...entities, ...relationships]) files.set(file, records);
  if (set.records !== undefined) files.set("records.json", set.records);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

interface Sourced {
  readonly file: string;
  readonly index: number;
  readonly record: unknown;
}

/**
 * Groups records into files: reference ones in their file at their index, in their committed
 * form when `same` says nothing changed; new ones after them by key.
 */
function place<T>(
  records: readonly T[],
  key: (record: T) => string,
  defaultFile: (record: T) => string,
  reference: readonly Sourced[],
  rawKey: (raw: unknown) => string | undefined,
  same: (record: T, raw: unknown) => boolean,
): Map<string, unknown[]> {
  const byKey = new Map<string, Sourced & { order: number }>();
  reference.forEach((sourced, order) => {
    const found = rawKey(sourced.record);
    if (found !== undefined && !byKey.has(found)) byKey.set(found, { ...sourced, order });
  });
  const placed = records.map((record) => {
    const committed = byKey.get(key(record));
    if (committed === undefined)
      return {
        file: defaultFile(record),
        order: Infinity,
        key: key(record),
        value: record,
      };
    const value = same(record, committed.record) ? committed.record : record;
    return { file: committed.file, order: committed.order, key: key(record), value };
  });
  placed.sort((a, b) => a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const files = new Map<string, unknown[]>();
  for (const { file, value } of placed) files.set(file, [...(files.get(file) ?? []), value]);
  return files;
}

/** Equal as seeding reads them: defaults filled in, mentions and facts in any order. */
function sameEntity(entity: Entity, raw: unknown): boolean {
  const parsed = entitySchema.safeParse(raw);
  return parsed.success && canonical(entityShape(parsed.data)) === canonical(entityShape(entity));
}

function entityShape(entity: Entity): unknown {
  const byText = (a: unknown, b: unknown): number =>
    canonical(a) < canonical(b) ? -1 : canonical(a) > canonical(b) ? 1 : 0;
  return {
    ...entity,
    mentions: [...entity.mentions].sort(byText),
    facts: [...entity.facts].sort(byText),
    automaticMentions:
      entity.automaticMentions === undefined
        ? undefined
        : [...entity.automaticMentions].sort(byText),
  };
}

function sameRelationship(rel: Relationship, raw: unknown): boolean {
  const parsed = relationshipSchema.safeParse(raw);
  return parsed.success && canonical(parsed.data) === canonical(rel);
}

function relationshipKey(rel: Pick<Relationship, "source" | "type" | "target">): string {
  return `${rel.source}\u0000${rel.type}\u0000${rel.target}`;
}

function rawRelationshipKey(raw: unknown): string | undefined {
  const source = idOf(raw, "source");
  const type = idOf(raw, "type");
  const target = idOf(raw, "target");
  return source === undefined || type === undefined || target === undefined
    ? undefined
    : relationshipKey({ source, type, target });
}

function idOf(raw: unknown, key: string): string | undefined {
  if (raw === null || typeof raw !== "object") return undefined;
  const value = (raw as Record<string, unknown>)[key];
  return typeof value === "string" ? value : undefined;
}
