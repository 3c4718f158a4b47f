import { Query, Resolver } from "type-graphql";
import { ENTITY_KINDS, KIND_SPECS, RELATION_SPECS } from "../model/vocabulary";
import { Vocabulary } from "./vocabulary.type";

/** The vocabulary comes from model/vocabulary.ts: the one list seeds, schema and views share. */
const VOCABULARY: Vocabulary = {
  kinds: ENTITY_KINDS.map((kind) => {
    const { en, zh, description } = KIND_SPECS[kind];
    return { kind, en, zh, description };
  }),
  relationTypes: RELATION_SPECS.map(({ type, en, zh, description, from, to }) => ({
    type,
    en,
    zh,
    description,
    from: [...from],
    to: [...to],
  })),
};

@Resolver()
export class VocabularyResolver {
  @Query(() => Vocabulary, {
    description:
      "Entity kinds and relationship types with Chinese and English labels, for legends and filters (词表).",
  })
  vocabulary(): Vocabulary {
    return VOCABULARY;
  }
}
