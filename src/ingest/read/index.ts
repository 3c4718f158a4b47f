/**
 * Reading a document file into the one normalised text that ingestion stores, hashes and quotes
 * (issue 15). Pure: no database, no file system beyond pdf.js's own data files.
 */
export { DOCUMENT_FORMATS, type DocumentFormat } from "./format";
export { normalizeDocumentText } from "./normalize";
export {
  DEFAULT_MAX_BYTES,
  readDocument,
  type ReadDocument,
  type ReadOptions,
} from "./read-document";
export { DocumentRefused, REFUSAL_CODES, type RefusalCode } from "./refused";
