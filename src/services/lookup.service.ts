import { editDistance } from "../model/edit-distance";
import { toSimplified } from "../model/fold";
import type { EntityRecord } from "../model/records";
import { normalizeName } from "../seeds/validate";
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
   * The entities `name` names (as resolve finds them); when there are none, up to `limit`
   * suggestions: the full-text search's best hits for the name, ordered by the edit distance from
   * the name to their closest name form (folded as resolve folds names), then by the search's rank.
   */
  async lookup(name: string, limit: number): Promise<NameLookupRecord> {
    checkRange("suggestions", limit, 0, MAX_SUGGESTIONS);
    const matches = await this.graph.resolve(name);
    if (matches.length > 0 || limit === 0) return { name, matches, suggestions: [] };
    const asked = normalizeName(toSimplified(name));
    const hits = await this.search.search(name, [], CANDIDATES, null);
    const suggestions = hits.edges.map(({ node }, rank) => {
      const forms = [node.name, node.nameEn, ...node.aliases].filter(
        (form): form is string => typeof form === "string" && form.length > 0,
      );
      let best = { nameForm: node.name, distance: Number.POSITIVE_INFINITY };
      for (const form of forms) {
        const distance = editDistance(asked, normalizeName(form));
        if (distance < best.distance) best = { nameForm: form, distance };
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
