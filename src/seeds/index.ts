export { loadSeedSet, SeedLoadError } from "./load";
export {
  createEntitySchema,
  documentSchema,
  entitySchema,
  factSchema,
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
export {
  checkSeedSet,
  countSeedSet,
  DEFAULT_VOCABULARY,
  normalizeName,
  validateSeedSet,
  type SeedCheck,
  type SeedCounts,
} from "./validate";
