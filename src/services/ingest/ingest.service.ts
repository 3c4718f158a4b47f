import type { Principal } from "../../auth/principal";
import { BadUserInputError } from "../../errors";
import { proposeCandidates, type ProposedCandidates } from "../../ingest/candidates";
import { splitPassages, type Passage } from "../../ingest/passages";
import { DocumentRefused, readDocument } from "../../ingest/read";
import type { CandidateRecord, DocumentMeta, IngestRecord } from "../../model/ingest";
import { candidateProps } from "../../repositories/ingest.repository";
import type { UnitOfWork } from "../../repositories/store";
import type { FoundMention, NameFormOf } from "../../seeds/mentions";
import { isEntityKind, type EntityKind } from "../../model/vocabulary";
import { nameForms } from "../seed-rows";
import { toCandidateRecords } from "./candidate-records";

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_TITLE = 200;
const MAX_META = 500;

/** What a caller sends with a file: metadata as typed, checked here. */
export interface IngestInput {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly title?: string | null;
  readonly issuer?: string | null;
  readonly date?: string | null;
  readonly source?: string | null;
  /** Analyse and count, write nothing. */
  readonly dryRun?: boolean;
}

/** A document's id: from its text, so the same text is the same document whatever its file. */
export function documentIdOf(sha256: string): string {
  return `doc-${sha256.slice(0, 16)}`;
}

/**
 * Takes a new document in: reads the file to normalised text (once), splits it into passages,
 * finds the mentions of every entity the graph knows, proposes candidates for review, and stores
 * all of it in one transaction. Only mentions (automatic evidence) reach the graph; candidates
 * wait for a curator (ReviewService). The same text ingested again changes nothing.
 */
export class IngestService {
  constructor(
    private readonly unit: UnitOfWork,
    private readonly principal: Principal,
  ) {}

  async ingest(input: IngestInput): Promise<IngestRecord> {
    const date = checkDate(input.date);
    let read;
    try {
      read = await readDocument(input.bytes, input.fileName);
    } catch (error) {
      if (error instanceof DocumentRefused)
        throw new BadUserInputError(error.message, "file", { reason: error.code });
      throw error;
    }
    const documentId = documentIdOf(read.sha256);
    const existing = await this.unit.ingestReads().documentWithText(read.sha256);
    const passages = splitPassages(read.text);
    const analysis = await this.analyse(read.text, passages, documentId);
    const record: IngestRecord = {
      documentId: existing ?? documentId,
      created: existing === null && input.dryRun !== true,
      sha256: read.sha256,
      format: read.format,
      pages: read.pages,
      characters: read.text.length,
      passages: passages.length,
      repeatedPassages: passages.filter((p) => p.repeatOf !== null).length,
      mentions: analysis.mentions.length,
      candidates: {
        entity: analysis.candidates.filter((c) => c.kind === "entity").length,
        relationship: analysis.candidates.filter((c) => c.kind === "relationship").length,
        fact: analysis.candidates.filter((c) => c.kind === "fact").length,
      },
    };
    if (existing !== null || input.dryRun === true) return record;

    const meta: DocumentMeta = {
      title: optional(input.title, "title", MAX_TITLE) ?? titleOf(read.text, input.fileName),
      issuer: optional(input.issuer, "issuer", MAX_META),
      date,
      source: optional(input.source, "source", MAX_META),
    };
    await this.unit.run(async ({ ingest }) => {
      // A twin request may have stored the same text since the check above: the unique id refuses
      // the second document, and the caller sees CONFLICT rather than a second copy.
      await ingest.writeDocument({
        id: documentId,
        ...meta,
        // The stored text is what an export writes to documents/, under this name.
        file: `${documentId}.txt`,
        sourceFile: input.fileName,
        format: read.format,
        pages: read.pages,
        passageCount: record.passages,
        repeatedPassages: record.repeatedPassages,
        sha256: read.sha256,
        language: "zh",
        text: read.text,
        origin: "ingested",
        ingestedBy: this.principal.id,
        ingestedAt: new Date().toISOString(),
      });
      // Passages are quote spans, as seeding writes them: sentences live in the candidates that
      // quote them, so the graph holds no passage nothing points at.
      await ingest.writePassages(
        analysis.mentions.map((m) => passageRow(documentId, m.start, m.quote)),
      );
      await ingest.writeMentions(
        analysis.mentions.map((m) => ({
          entityId: m.entityId,
          passageId: passageIdOf(documentId, m.start, m.quote),
          kind: "automatic",
        })),
      );
      await ingest.writeCandidates(analysis.candidates.map(candidateProps));
    });
    return record;
  }

  /** Mentions of known entities (outside repeated passages) and the candidates for review. */
  private async analyse(
    text: string,
    passages: readonly Passage[],
    documentId: string,
  ): Promise<{ mentions: FoundMention[]; candidates: CandidateRecord[] }> {
    const known = await this.unit.ingestReads().knownNames();
    const forms: NameFormOf[] = known.flatMap((entity) =>
      nameForms({
        name: entity.name,
        nameEn: entity.nameEn ?? undefined,
        aliases: entity.aliases,
      }).map((form) => ({ form, entityId: entity.id })),
    );
    const kindOf = new Map<string, EntityKind>();
    for (const entity of known) if (isEntityKind(entity.kind)) kindOf.set(entity.id, entity.kind);
    const proposed: ProposedCandidates = proposeCandidates(text, passages, forms, { kindOf });
    return {
      mentions: proposed.mentions,
      candidates: toCandidateRecords(documentId, text, proposed),
    };
  }
}

export function passageIdOf(documentId: string, start: number, quote: string): string {
  return `${documentId}:${start}-${start + quote.length}`;
}

function passageRow(documentId: string, start: number, text: string) {
  const id = passageIdOf(documentId, start, text);
  return { id, documentId, props: { id, documentId, start, end: start + text.length, text } };
}

/** Every document has a date: the day it was issued, as YYYY-MM-DD. */
function checkDate(value: string | null | undefined): string {
  const match = ISO_DAY.exec(value ?? "");
  const day = match === null ? Number.NaN : Date.parse(`${value}T00:00:00Z`);
  // Date.parse rolls 2016-02-30 over to March: a real day reads back as itself.
  const valid =
    match !== null &&
    Number.isFinite(day) &&
    new Date(day).toISOString().slice(0, 10) === value &&
    Number(match[1]) >= 1949;
  if (!valid) {
    throw new BadUserInputError(
      `date must be the day the document was issued, as YYYY-MM-DD (got ${JSON.stringify(value ?? null)})`,
      "date",
    );
  }
  return value;
}

function optional(value: string | null | undefined, name: string, max: number): string | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  if (value.length > max)
    throw new BadUserInputError(`${name} must be at most ${max} characters`, name);
  return value.trim();
}

/** A title when none is given: the text's first line, else the file name. */
function titleOf(text: string, fileName: string): string {
  const first = text.split("\n").find((line) => line.trim() !== "");
  return (first ?? fileName).trim().slice(0, MAX_TITLE);
}
