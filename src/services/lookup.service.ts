import { editDistance } from "../model/edit-distance";
import { toSimplified } from "../model/fold";
import { pinyinKey, pinyinQueryKey } from "../model/pinyin";
import type { EntityRecord } from "../model/records";
import { normalizeName } from "../model/names";
import type { GraphService } from "./graph.service";
import { checkRange } from "./arguments";
import type { SearchService } from "./search.service";

export const MAX_SUGGESTIONS = 20;
/** How many search hits are weighed for suggestions: the closest names are among the best hits. */
const CANDIDATES = 50;

export interface NameSuggestionRecord {
  readonly entity: EntityRecord;
  /** The entity's name form closest to what was asked. */
  readonly nameForm: string;
  readonly distance: number;
}

export interface NameLookupRecord {
  readonly name: string;
  readonly matches: readonly EntityRecord[];
  readonly suggestions: readonly NameSuggestionRecord[];
}

/** A name looked up as resolve does, with the closest names offered when none matches. */
export class LookupService {
  constructor(
    private readonly graph: GraphService,
    private readonly search: SearchService,
  ) {}

  /**
   * The entities `name` names (as resolve finds them: document forms, folded, later names,
   * pinyin); when there are none, up to `limit` suggestions: the full-text search's best hits for
   * the name and, when the name is pinyin, the entities one of whose pinyin keys starts with it,
   * ordered by the edit distance from the name to their closest name form (folded as resolve
   * folds names; for a pinyin name, also from its pinyin key to the pinyin of their Chinese forms),
   * then pinyin-prefix matches before search hits, then by rank.
   */
  async lookup(name: string, limit: number): Promise<NameLookupRecord> {
    checkRange("suggestions", limit, 0, MAX_SUGGESTIONS);
    const matches = await this.graph.resolve(name);
    if (matches.length > 0 || limit === 0) return { name, matches, suggestions: [] };
    const asked = normalizeName(toSimplified(name));
    const askedPinyin = pinyinQueryKey(asked);
    const [hits, spelt] = await Promise.all([
      this.search.search(name, [], CANDIDATES, null),
      this.graph.pinyinPrefix(name),
    ]);
    const candidates = [
      ...spelt.map(({ entity }) => entity),
      ...hits.edges.map(({ node }) => node),
    ].filter((entity, i, all) => all.findIndex((other) => other.id === entity.id) === i);
    const suggestions = candidates.map((node, rank) => {
      const later = (node.laterNames ?? []).flatMap((l) =>
        l.nameEn === null ? [l.name] : [l.name, l.nameEn],
      );
      const forms = [node.name, node.nameEn, ...node.aliases, ...later].filter(
        (form): form is string => typeof form === "string" && form.length > 0,
      );
      let best = { nameForm: node.name, distance: Number.POSITIVE_INFINITY };
      for (const form of forms) {
        const distance = editDistance(asked, normalizeName(form));
        if (distance < best.distance) best = { nameForm: form, distance };
        const spelling = askedPinyin === null ? null : pinyinKey(form);
        if (askedPinyin === null || spelling === null) continue;
        const pinyinDistance = editDistance(askedPinyin, spelling);
        if (pinyinDistance < best.distance) best = { nameForm: form, distance: pinyinDistance };
      }
      return { entity: node, ...best, rank };
    });
    suggestions.sort((a, b) => a.distance - b.distance || a.rank - b.rank);
    return {
      name,
      matches,
      suggestions: suggestions
        .slice(0, limit)
        .map(({ entity, nameForm, distance }) => ({ entity, nameForm, distance })),
    };
  }
}
