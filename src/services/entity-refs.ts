import { BadUserInputError } from "../errors";
import type { EntityRecord } from "../model/records";
import type { EntityKind } from "../model/vocabulary";
import type { GraphService } from "./graph.service";
import type { LookupService } from "./lookup.service";

/** An entity as an argument gives it: by id or by name, one of the two. */
export interface EntityRef {
  readonly id?: string | null;
  readonly name?: string | null;
}

/** The names of the pair of arguments that give one entity, e.g. fromId and from. */
export interface RefArguments {
  readonly id: string;
  readonly name: string;
}

/** A candidate an error lists: what a client needs to ask again by id. */
interface Candidate {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}

function candidateOf(entity: EntityRecord): Candidate {
  return { id: entity.id, name: entity.name, kind: entity.kind };
}

function listed(candidates: readonly Candidate[]): string {
  return candidates.map((c) => `${c.name} (${c.kind}, id ${c.id})`).join("; ");
}

/**
 * Turns the entities that arguments name into ids: every entry point that takes an id also takes a
 * name, resolved as `resolve` resolves names. A name that names no entity, or several, is a
 * BAD_USER_INPUT that names the argument and lists the candidates (in `extensions.candidates`:
 * the closest names for an unknown one, every match for an ambiguous one).
 */
export class EntityRefs {
  constructor(
    private readonly graph: GraphService,
    private readonly lookup: LookupService,
  ) {}

  /**
   * The id an entry point's pair of arguments gives: the id as passed (the entry point answers an
   * unknown id as it always has), or the one entity the name names. `kinds` settles a name that
   * names entities of several kinds when exactly one has a kind the argument expects.
   */
  async idOf(
    ref: EntityRef,
    args: RefArguments,
    kinds: readonly EntityKind[] = [],
  ): Promise<string> {
    const { id, name } = ref;
    const hasId = id !== null && id !== undefined;
    const hasName = name !== null && name !== undefined;
    if (hasId === hasName) {
      throw new BadUserInputError(`give ${args.id} or ${args.name}, one of the two`, args.id);
    }
    return hasId ? id : this.named(name as string, args.name, kinds);
  }

  /**
   * The id a filter value gives: an entity's id, or else a name as `resolve` takes it. A value that
   * is neither is a BAD_USER_INPUT, not an empty list.
   */
  async filterId(value: string, argument: string, kinds: readonly EntityKind[]): Promise<string> {
    if ((await this.graph.entity(value)) !== null) return value;
    return this.named(value, argument, kinds);
  }

  private async named(
    name: string,
    argument: string,
    kinds: readonly EntityKind[],
  ): Promise<string> {
    const { matches, suggestions } = await this.lookup.lookup(name, 5);
    const expected = matches.filter((entity) => kinds.includes(entity.kind));
    const [only] = expected.length === 1 ? expected : matches;
    if (only !== undefined && (matches.length === 1 || expected.length === 1)) return only.id;
    if (matches.length === 0) {
      const candidates = suggestions.map(({ entity }) => candidateOf(entity));
      throw new BadUserInputError(
        `${argument}: no entity is named "${name}"` +
          (candidates.length > 0 ? `; the closest names: ${listed(candidates)}` : ""),
        argument,
        { candidates },
      );
    }
    const candidates = matches.map(candidateOf);
    throw new BadUserInputError(
      `${argument}: "${name}" names ${candidates.length} entities; pass the id of one: ${listed(candidates)}`,
      argument,
      { candidates },
    );
  }
}
