export { loadSeedSet, SeedLoadError } from "./load";
export {
  createEntitySchema,
  documentSchema,
  entitySchema,
  factSchema,
  laterNameSchema,
  parseRecord,
  quoteSchema,
  relationshipSchema,
  type ParseResult,
} from "./schema";
export type {
  CheckedDocument,
  CheckedSeedSet,
  Entity,
  EvidenceKind,
  Fact,
  LaterName,
  LaterNameKind,
  LoadedDocument,
  Mention,
  PropertyValue,
  Quote,
  Relationship,
  SeedDocument,
  SeedProblem,
  SeedSet,
  SourcedRecord,
  Vocabulary,
} from "./types";
export { normalizeName } from "../model/names";
export {
  checkSeedSet,
  countSeedSet,
  DEFAULT_VOCABULARY,
  validateSeedSet,
  type SeedCheck,
  type SeedCounts,
} from "./validate";
