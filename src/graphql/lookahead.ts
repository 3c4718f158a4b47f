import {
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import {
  BARE_LEAVES_OUT,
  BRIEF_LEAVES_OUT,
  NAMES_LEAVES_OUT,
  type LinkShape,
  type PrefetchLink,
} from "../model/records";
import { RELATION_FIELDS, type RelationFieldSpec } from "../model/relation-fields";
import { isEntityKind, type EntityKind } from "../model/vocabulary";
import {
  DEFAULT_RELATIONS_PER_FIELD,
  isRelationsFirst,
  type PrefetchPlan,
} from "../services/graph.service";
import type { ListReading } from "../services/list.service";

// Read-ahead (docs/architecture.md, "Reading ahead"), hop 2: this file turns a selection into PrefetchPlans
// and PrefetchLinks; next, the GraphService reads them through the relations loader (hop 3).

/** At most this many links are read ahead for one field; more is left to their own queries. */
const MAX_NEXT_LINKS = 24;

const SPECS: ReadonlyMap<string, RelationFieldSpec> = new Map(
  RELATION_FIELDS.map((spec) => [`${spec.kind}.${spec.field}`, spec]),
);

type Fragments = GraphQLResolveInfo["fragments"];
type Variables = GraphQLResolveInfo["variableValues"];

/** A typed relationship field found in a selection, with the size it asks for. */
interface FoundField {
  readonly spec: RelationFieldSpec;
  readonly first: number;
  readonly node: FieldNode;
}

/**
 * Readings of a selection kept across requests. A reading depends on the field's nodes, the
 * document's fragments, the variables (unless the reading ignores them: `byVariables` false), and
 * on a `kind` the caller gives (a list's). The nodes belong to the parsed document Apollo keeps
 * for a query text, so every request of one query has the same nodes (and those nodes, the same
 * fragments): a reading is kept under its first node and is valid for a request with the same
 * nodes, kind and variables. graphql-js gathers a field's nodes into a new array at each
 * execution, so a map keyed by `info.fieldNodes` would only ever help within one request.
 */
class SelectionMemo<T> {
  private readonly kept = new WeakMap<
    FieldNode,
    { fields: readonly FieldNode[]; kind: EntityKind | null; variables: string; value: T }
  >();

  constructor(private readonly byVariables: boolean) {}

  of(info: GraphQLResolveInfo, kind: EntityKind | null, read: () => T): T {
    const first = info.fieldNodes[0];
    if (first === undefined) return read();
    const variables = this.byVariables ? variablesKey(info.variableValues) : "";
    const known = this.kept.get(first);
    if (
      known !== undefined &&
      known.kind === kind &&
      known.variables === variables &&
      sameNodes(known.fields, info.fieldNodes)
    )
      return known.value;
    const value = read();
    this.kept.set(first, { fields: info.fieldNodes, kind, variables, value });
    return value;
  }
}

/**
 * A request's variables as one string, written once per request: graphql-js hands every resolver
 * of an execution the same object, and the memos above are asked once per entity of each level.
 */
const variablesKeys = new WeakMap<Variables, string>();

function variablesKey(variables: Variables): string {
  let key = variablesKeys.get(variables);
  if (key === undefined) {
    key = JSON.stringify(variables);
    variablesKeys.set(variables, key);
  }
  return key;
}

function sameNodes(a: readonly FieldNode[], b: readonly FieldNode[]): boolean {
  return a.length === b.length && a.every((node, index) => node === b[index]);
}

const linksMemo = new SelectionMemo<readonly PrefetchLink[]>(true);
// A shape looks at every field, under directives too, and at no argument: variables cannot change it.
const shapeMemo = new SelectionMemo<LinkShape>(false);
const planMemo = new SelectionMemo<readonly PrefetchPlan[]>(true);
const listMemo = new SelectionMemo<ListReading>(true);

const LEFT_OUT_OF_BRIEF: ReadonlySet<string> = new Set(BRIEF_LEAVES_OUT);
const LEFT_OUT_OF_NAMES: ReadonlySet<string> = new Set([...BRIEF_LEAVES_OUT, ...NAMES_LEAVES_OUT]);
const LEFT_OUT_OF_BARE: ReadonlySet<string> = new Set(BARE_LEAVES_OUT);

/**
 * How the query that reads a relationship field reads its links (LinkShape): brief when the
 * field's selection asks the entities at the other end for none of BRIEF_LEAVES_OUT, names when
 * it asks them for none of NAMES_LEAVES_OUT either, bare when it asks the links themselves for
 * none of BARE_LEAVES_OUT. A field under a directive counts (it may run), so does one in any
 * fragment. Were an entity's field missed, the Entity type would read it by id (entity.resolver.ts),
 * one round trip more; a link's fields are plain, so the look at them must see every field asked,
 * which it does: every field of the selection, through every fragment.
 */
export function shapeOf(info: GraphQLResolveInfo): LinkShape {
  return shapeMemo.of(info, null, () => shapeUnder(info.fieldNodes, info.fragments));
}

/** The LinkShape of these relationship fields' selections. */
function shapeUnder(fields: readonly FieldNode[], fragments: Fragments): LinkShape {
  const asked = fields.flatMap((field) => everyField(field.selectionSet, fragments));
  return {
    ...entitiesUnder(named(asked, "node"), fragments),
    bare: asked.every((selected) => !LEFT_OUT_OF_BARE.has(selected.name.value)),
  };
}

/**
 * How these fields that give entities (a link's `node`, a list's `nodes`) may read them: brief
 * when they ask them for none of BRIEF_LEAVES_OUT, names when for none of NAMES_LEAVES_OUT
 * either, through every fragment and under directives too.
 */
function entitiesUnder(
  entities: readonly FieldNode[],
  fragments: Fragments,
): Pick<LinkShape, "brief" | "names"> {
  const asked = entities.flatMap((entity) =>
    everyField(entity.selectionSet, fragments).map((field) => field.name.value),
  );
  const brief = asked.every((name) => !LEFT_OUT_OF_BRIEF.has(name));
  return { brief, names: brief && asked.every((name) => !LEFT_OUT_OF_NAMES.has(name)) };
}

/** Every field of a selection set, through fragments, those under directives too. */
function everyField(selectionSet: SelectionSetNode | undefined, fragments: Fragments): FieldNode[] {
  return (selectionSet?.selections ?? []).flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    const fragment =
      selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
    return fragment === undefined ? [] : everyField(fragment.selectionSet, fragments);
  });
}

/**
 * The typed relationship fields that a relationship field's selection asks for on the entities at
 * the other end (`coBuilt { node { ... on ResearchInstitute { universities(first: 5) } } }` gives
 * ResearchInstitute → AFFILIATED_WITH OUT, 5), so the query that reads this level can read the
 * next one too; the deprecated former name (`university`) is in the table too and gives the same.
 * Only a hint: a field under @skip/@include, or with a `first` that is not a valid size, is left to
 * its own query, which also reports the error.
 */
export function prefetchLinksOf(info: GraphQLResolveInfo): readonly PrefetchLink[] {
  return linksMemo.of(info, null, () =>
    linksUnder(info.fieldNodes, info.fragments, info.variableValues),
  );
}

/**
 * The typed relationship fields a query asks for on the entity this field returns (`entity(id)
 * { ... on District { coBuilt(first: 20) { node { ... } } } }`), each with the links its own
 * selection asks for next: reading them with the entity makes two levels of fields one round trip.
 */
export function prefetchPlanOf(info: GraphQLResolveInfo): readonly PrefetchPlan[] {
  return planMemo.of(info, null, () => aheadOf(info.fieldNodes, null, info));
}

/**
 * How a list query reads its page (ListReading): the typed relationship fields the query asks for
 * on the page's entities (`districts { nodes { coBuilt(first: 20) { … } } }`, or under `edges {
 * node }`), on the list's kind unless a fragment names another, each with the links its own
 * selection asks for next; whether it asks for the totalCount (outside a directive, which only the
 * field's own resolver can weigh), so the page query counts the list in the same round trip; and
 * whether it asks the entities for none of BRIEF_LEAVES_OUT, or of NAMES_LEAVES_OUT either
 * (through every fragment, under directives too), so the page reads them brief, or as names.
 */
export function listReadingOf(info: GraphQLResolveInfo, kind: EntityKind | null): ListReading {
  return listMemo.of(info, kind, () => listReadingUnder(info, kind));
}

function listReadingUnder(info: GraphQLResolveInfo, kind: EntityKind | null): ListReading {
  const entities = info.fieldNodes.flatMap((field) => [
    ...fieldsNamed(field.selectionSet, "nodes", info.fragments),
    ...fieldsNamed(field.selectionSet, "edges", info.fragments).flatMap((edge) =>
      fieldsNamed(edge.selectionSet, "node", info.fragments),
    ),
  ]);
  const asked = info.fieldNodes.flatMap((field) => {
    const onPage = everyField(field.selectionSet, info.fragments);
    return [
      ...named(onPage, "nodes"),
      ...named(onPage, "edges").flatMap((edge) =>
        named(everyField(edge.selectionSet, info.fragments), "node"),
      ),
    ];
  });
  return {
    ahead: aheadOf(entities, kind, info),
    withTotal: info.fieldNodes.some(
      (field) => fieldsNamed(field.selectionSet, "totalCount", info.fragments).length > 0,
    ),
    ...entitiesUnder(asked, info.fragments),
  };
}

/** The fields of this name among `fields`. */
function named(fields: readonly FieldNode[], name: string): FieldNode[] {
  return fields.filter((field) => field.name.value === name);
}

/** The typed relationship fields of these fields' selections, with what each asks for next. */
function aheadOf(
  fields: readonly FieldNode[],
  kind: EntityKind | null,
  info: GraphQLResolveInfo,
): readonly PrefetchPlan[] {
  const found = fields.flatMap((field) =>
    relationFields(field.selectionSet, kind, info.fragments, info.variableValues),
  );
  const ahead = new Map<string, PrefetchPlan>();
  for (const { spec, first, node } of found) {
    const next = linksUnder([node], info.fragments, info.variableValues);
    for (const link of spec.links) {
      const key = linkKey({ kind: spec.kind, ...link, limit: first });
      const known = ahead.get(key);
      ahead.set(key, {
        kind: spec.kind,
        ...link,
        limit: first,
        ...shapeOfBoth(shapeUnder([node], info.fragments), known),
        next: known === undefined ? next : unique([...known.next, ...next]),
      });
    }
  }
  return [...ahead.values()].slice(0, MAX_NEXT_LINKS);
}

/** The links asked for on the `node` of relationship fields. */
function linksUnder(
  fields: readonly FieldNode[],
  fragments: Fragments,
  variables: Variables,
): PrefetchLink[] {
  const links: PrefetchLink[] = [];
  for (const field of fields) {
    for (const node of fieldsNamed(field.selectionSet, "node", fragments)) {
      for (const found of relationFields(node.selectionSet, null, fragments, variables)) {
        const shape = shapeUnder([found.node], fragments);
        for (const link of found.spec.links)
          links.push({ kind: found.spec.kind, ...link, limit: found.first, ...shape });
      }
    }
  }
  return unique(links).slice(0, MAX_NEXT_LINKS);
}

/** Each link once; one asked for by several fields (aliases) is read lighter only if all may. */
function unique(links: readonly PrefetchLink[]): PrefetchLink[] {
  const byKey = new Map<string, PrefetchLink>();
  for (const link of links) {
    const key = linkKey(link);
    byKey.set(key, {
      kind: link.kind,
      type: link.type,
      direction: link.direction,
      limit: link.limit,
      ...shapeOfBoth(link, byKey.get(key)),
    });
  }
  return [...byKey.values()];
}

/** What makes two fields ask for one link: the kind, type, direction and limit. */
function linkKey(link: Omit<PrefetchLink, keyof LinkShape>): string {
  return `${link.kind}|${link.type}|${link.direction}|${link.limit}`;
}

/** Two fields of one link (aliases) read it brief, as names, or bare, only if both may. */
function shapeOfBoth(shape: LinkShape, known: LinkShape | undefined): LinkShape {
  return {
    brief: shape.brief && (known?.brief ?? true),
    names: shape.names && (known?.names ?? true),
    bare: shape.bare && (known?.bare ?? true),
  };
}

/** The fields of a selection set with this name, through fragments. */
function fieldsNamed(
  selectionSet: SelectionSetNode | undefined,
  name: string,
  fragments: Fragments,
): FieldNode[] {
  return fieldsOf(selectionSet, null, fragments)
    .map(({ field }) => field)
    .filter((field) => field.name.value === name);
}

/** The typed relationship fields of a selection set, each under the kind its fragment names. */
function relationFields(
  selectionSet: SelectionSetNode | undefined,
  kind: EntityKind | null,
  fragments: Fragments,
  variables: Variables,
): FoundField[] {
  return fieldsOf(selectionSet, kind, fragments).flatMap(({ field, kind: on }) => {
    const spec = on === null ? undefined : SPECS.get(`${on}.${field.name.value}`);
    const first = spec === undefined ? null : firstOf(field, variables);
    return spec === undefined || first === null ? [] : [{ spec, first, node: field }];
  });
}

/**
 * Every field of a selection set, through inline fragments and named ones, each with the entity
 * kind its nearest fragment names (else `kind`). A selection under a directive is left out: only
 * its own resolver knows whether it runs.
 */
function fieldsOf(
  selectionSet: SelectionSetNode | undefined,
  kind: EntityKind | null,
  fragments: Fragments,
): { field: FieldNode; kind: EntityKind | null }[] {
  const found: { field: FieldNode; kind: EntityKind | null }[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    if ((selection.directives?.length ?? 0) > 0) continue;
    if (selection.kind === Kind.FIELD) {
      found.push({ field: selection, kind });
      continue;
    }
    const fragment: FragmentDefinitionNode | typeof selection | undefined =
      selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
    if (fragment === undefined) continue;
    const condition = fragment.typeCondition?.name.value;
    const inner = condition !== undefined && isEntityKind(condition) ? condition : kind;
    found.push(...fieldsOf(fragment.selectionSet, inner, fragments));
  }
  return found;
}

/** The field's `first` argument, defaulted; null when it is not a size the field accepts. */
function firstOf(field: FieldNode, variables: Variables): number | null {
  const argument = field.arguments?.find((arg) => arg.name.value === "first");
  const value =
    argument === undefined ? DEFAULT_RELATIONS_PER_FIELD : valueOf(argument.value, variables);
  return isRelationsFirst(value) ? value : null;
}

function valueOf(node: ValueNode, variables: Variables): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return undefined;
}

/** The description of the `asOf` argument of entity(id), neighborhood, paths, pathSearch and innovationChain. */
export const AS_OF =
  "Look at the graph as of this day (YYYY-MM-DD; 截至日期): leave out relationships first stated after it (firstStated, from the dates of the documents of their evidence) and entities first mentioned after it. A relationship or entity that no dated document states (a curator's note, an imported row) stays. Relationship fields and facts below take the day on; paths search only through what was stated by then, and an end that was not is NOT_FOUND. Not a day: BAD_USER_INPUT.";
