/**
 * Zod schemas of the seed records (`seeds/README.md`). Objects are strict so that a misspelt key
 * (`nameEN`, `evidenceKnd`) is an error instead of a silently dropped field. Each schema is checked
 * against its type in `types.ts` with `satisfies`.
 */

import { z } from "zod";

import { ENTITY_KINDS, type EntityKind } from "../model/vocabulary";
import type {
  Entity,
  Fact,
  GraphRecords,
  LaterName,
  Mention,
  Quote,
  Relationship,
  SeedDocument,
} from "./types";

const ENTITY_ID = /^[a-z0-9-]+$/;
// Document ids are file stems such as `000_257febe6d92f7e6f`, hence the underscore.
const DOCUMENT_ID = /^[a-z0-9_-]+$/;
const FACT_KEY = /^[a-z][A-Za-z0-9]*$/;
const SHA256 = /^[0-9a-f]{64}$/;
// A bare file name: the loader reads it from `documents/`, and a path could escape that directory.
const FILE_NAME = /^[^/\\]+$/;

const text = z.string().min(1, { error: "must not be empty" });
const entityId = z
  .string()
  .regex(ENTITY_ID, { error: "must be a lowercase slug of a-z, 0-9 and -" });

export const quoteSchema = z.strictObject({
  doc: text,
  quote: text,
  start: z.int().min(0, { error: "must be a non-negative integer" }),
}) satisfies z.ZodType<Quote>;

export const mentionSchema = quoteSchema.extend({
  attached: z.literal(true, { error: "must be true when present" }).optional(),
}) satisfies z.ZodType<Mention>;

export const factSchema = z.strictObject({
  key: z.string().regex(FACT_KEY, { error: "must be a camelCase key such as registeredCapital" }),
  label: text,
  value: z.number(),
  unit: text,
  qualifier: z.string().optional(),
  doc: text,
  quote: text,
  start: z.int().min(0, { error: "must be a non-negative integer" }),
}) satisfies z.ZodType<Fact>;

export const laterNameSchema = z.strictObject({
  name: text,
  nameEn: text.optional(),
  kind: z.enum(["renamed"], { error: "must be renamed" }),
  year: z.int().min(1900).max(2100, { error: "must be a year from 1900 to 2100" }),
  note: text,
  source: text.optional(),
}) satisfies z.ZodType<LaterName>;

export const documentSchema = z.strictObject({
  id: z.string().regex(DOCUMENT_ID, { error: "must be a lowercase slug of a-z, 0-9, _ and -" }),
  file: z.string().regex(FILE_NAME, { error: "must be a file name in documents/, without a path" }),
  title: text,
  sha256: z.string().regex(SHA256, { error: "must be 64 lowercase hex digits" }),
  language: text,
  date: z.iso.date({ error: "must be a day, YYYY-MM-DD" }).optional(),
  dateNote: text.optional(),
  issuer: text.optional(),
  source: text.optional(),
  sourceFile: text.optional(),
  format: z.enum(["txt", "docx", "pdf"], { error: "must be txt, docx or pdf" }).optional(),
  pages: z.int().min(1).optional(),
  passageCount: z.int().min(0).optional(),
  repeatedPassages: z.int().min(0).optional(),
  origin: z.enum(["ingested"], { error: "must be ingested" }).optional(),
  ingestedBy: text.optional(),
  ingestedAt: text.optional(),
}) satisfies z.ZodType<SeedDocument>;

/**
 * The entity schema for a set of allowed kinds; an unknown kind is reported with the allowed list.
 *
 * @example createEntitySchema(["University", "District"]).safeParse(record)
 */
export function createEntitySchema(kinds: readonly EntityKind[]) {
  return z
    .strictObject({
      id: entityId,
      kind: z.enum(kinds, {
        // Returning undefined leaves a missing kind to the generic "missing required field".
        error: (issue) =>
          issue.input === undefined
            ? undefined
            : `unknown kind '${shown(issue.input)}'; allowed kinds: ${kinds.join(", ")}`,
      }),
      name: text,
      nameEn: text.optional(),
      nameEnOfficial: z.boolean().optional(),
      nameInferred: z.boolean().optional(),
      aliases: z.array(text).default([]),
      ambiguousAliases: z.array(text).optional(),
      laterNames: z.array(laterNameSchema).default([]),
      description: text.optional(),
      mentions: z.array(mentionSchema),
      facts: z.array(factSchema).default([]),
      curated: z.literal(true, { error: "must be true when present" }).optional(),
      importSet: text.optional(),
      chainPosition: text.optional(),
      citations: z.array(text).optional(),
      automaticMentions: z.array(quoteSchema).optional(),
    })
    .superRefine((entity, ctx) => {
      // An entity a curator created with a note, or an import, has no quote: the API checked it.
      if (entity.mentions.length === 0 && entity.curated !== true && entity.importSet === undefined)
        ctx.addIssue({
          code: "custom",
          path: ["mentions"],
          message: "needs at least one quote naming the entity",
        });
      if (entity.nameEn !== undefined && entity.nameEnOfficial === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["nameEnOfficial"],
          message: "is required when nameEn is present (true if the English name is official)",
        });
      }
      if (entity.nameEn === undefined && entity.nameEnOfficial !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["nameEnOfficial"],
          message: "is set but there is no nameEn",
        });
      }
    }) satisfies z.ZodType<Entity>;
}

export const entitySchema = createEntitySchema(ENTITY_KINDS);

const propertyValue = z.union([z.string(), z.number(), z.boolean()], {
  error: "must be a string, number or boolean",
});

export const relationshipSchema = z
  .strictObject({
    source: entityId,
    type: text,
    target: entityId,
    evidence: z.array(quoteSchema),
    evidenceKind: z.enum(["explicit", "inferred", "positional", "curated", "imported"], {
      error: "must be explicit, inferred, positional, curated or imported",
    }),
    confidence: z.number().min(0).max(1, { error: "must be between 0 and 1" }).optional(),
    properties: z.record(z.string(), propertyValue).optional(),
    note: text.optional(),
    citation: text.optional(),
    importSet: text.optional(),
  })
  .superRefine((relationship, ctx) => {
    // A curator's note or an imported row is the evidence of those kinds; the rest quote.
    const quoted = !["curated", "imported"].includes(relationship.evidenceKind);
    if (quoted && relationship.evidence.length === 0)
      ctx.addIssue({ code: "custom", path: ["evidence"], message: "needs at least one quote" });
    if (relationship.evidenceKind !== "inferred") return;
    if (relationship.confidence === undefined || relationship.confidence >= 1) {
      ctx.addIssue({
        code: "custom",
        path: ["confidence"],
        message: "an inferred relationship needs a confidence below 1",
      });
    }
    if (relationship.note === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: "an inferred relationship needs a note saying what it was inferred from",
      });
    }
  })
  .transform((relationship) => ({
    ...relationship,
    confidence: relationship.confidence ?? 1,
  })) satisfies z.ZodType<Relationship>;

const storedValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())], {
  error: "must be a string, number, boolean or list of strings",
});
const storedRecord = (key: "id" | "key") =>
  z
    .record(z.string(), storedValue)
    .refine((record) => typeof record[key] === "string" && typeof record.at === "string", {
      error: `needs a text ${key} and a text at (ISO datetime)`,
    });

export const graphRecordsSchema = z.strictObject({
  tombstones: z.array(storedRecord("id")).default([]),
  audits: z.array(storedRecord("id")).default([]),
  mutations: z.array(storedRecord("key")).default([]),
  chainMapImports: z.array(storedRecord("id")).default([]),
  candidates: z.array(storedRecord("id")).default([]),
  passages: z.array(quoteSchema).default([]),
}) satisfies z.ZodType<GraphRecords>;

export type ParseResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reasons: string[] };

/**
 * Parses one record and turns zod issues into one-line reasons such as `mentions[0].start: expected
 * number, got string` or `unknown key 'nameEN'`.
 */
export function parseRecord<T>(schema: z.ZodType<T>, record: unknown): ParseResult<T> {
  const result = schema.safeParse(record, { error: defaultMessage });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, reasons: result.error.issues.map(describeIssue) };
}

// Zod's own wording ("Invalid input: expected string, received undefined") hides the common case, a
// field that is simply missing, so the usual issues get plainer messages.
function defaultMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? "missing required field"
        : `expected ${issue.expected}, got ${typeName(issue.input)}`;
    case "unrecognized_keys":
      return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `'${key}'`).join(", ")}`;
    default:
      return undefined;
  }
}

function shown(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = formatPath(issue.path);
  return path === "" ? issue.message : `${path}: ${issue.message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`,
    )
    .join("");
}
