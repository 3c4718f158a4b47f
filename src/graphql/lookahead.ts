import {
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import type { NextLink } from "../model/records";
import { RELATION_FIELDS, type RelationFieldSpec } from "../model/relation-fields";
import { isEntityKind, type EntityKind } from "../model/vocabulary";
import { DEFAULT_RELATIONS_PER_FIELD, MAX_RELATIONS_PER_FIELD } from "../services/graph.service";

/** At most this many links are read ahead for one field; more is left to their own queries. */
const MAX_NEXT_LINKS = 24;

const SPECS: ReadonlyMap<string, RelationFieldSpec> = new Map(
  RELATION_FIELDS.map((spec) => [`${spec.kind}.${spec.field}`, spec]),
);

type Fragments = GraphQLResolveInfo["fragments"];
type Variables = GraphQLResolveInfo["variableValues"];

const memo = new WeakMap<readonly FieldNode[], { variables: Variables; links: NextLink[] }>();

/**
 * The typed relationship fields that a relationship field's selection asks for on the entities at
 * the other end (`coBuilt { node { ... on ResearchInstitute { university(first: 5) } } }` gives
 * ResearchInstitute → AFFILIATED_WITH OUT, 5), so the query that reads this level can read the
 * next one too. Only a hint: a field under @skip/@include, or with a `first` that is not a valid
 * size, is left to its own query, which also reports the error.
 */
export function nextLinks(info: GraphQLResolveInfo): readonly NextLink[] {
  const cached = memo.get(info.fieldNodes);
  if (cached !== undefined && cached.variables === info.variableValues) return cached.links;
  const links = new Map<string, NextLink>();
  for (const field of info.fieldNodes) {
    for (const node of fieldsNamed(field.selectionSet, "node", info.fragments)) {
      collectLinks(node.selectionSet, null, info.fragments, info.variableValues, links);
    }
  }
  const result = [...links.values()].slice(0, MAX_NEXT_LINKS);
  memo.set(info.fieldNodes, { variables: info.variableValues, links: result });
  return result;
}

/** The fields of a selection set with this name, through fragments, skipping directive-bearing ones. */
function fieldsNamed(
  selectionSet: SelectionSetNode | undefined,
  name: string,
  fragments: Fragments,
): FieldNode[] {
  const found: FieldNode[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    if ((selection.directives?.length ?? 0) > 0) continue;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === name) found.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      found.push(...fieldsNamed(selection.selectionSet, name, fragments));
    } else {
      const fragment = fragments[selection.name.value];
      if (fragment !== undefined)
        found.push(...fieldsNamed(fragment.selectionSet, name, fragments));
    }
  }
  return found;
}

function collectLinks(
  selectionSet: SelectionSetNode | undefined,
  kind: EntityKind | null,
  fragments: Fragments,
  variables: Variables,
  links: Map<string, NextLink>,
): void {
  for (const selection of selectionSet?.selections ?? []) {
    if ((selection.directives?.length ?? 0) > 0) continue;
    if (selection.kind === Kind.FIELD) {
      const spec = kind === null ? undefined : SPECS.get(`${kind}.${selection.name.value}`);
      const first = spec === undefined ? null : firstOf(selection, variables);
      if (spec === undefined || first === null) continue;
      for (const link of spec.links) {
        const next: NextLink = { kind: spec.kind, ...link, limit: first };
        links.set(`${next.kind}|${next.type}|${next.direction}|${next.limit}`, next);
      }
    } else {
      const fragment: FragmentDefinitionNode | typeof selection | undefined =
        selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
      if (fragment === undefined) continue;
      const condition = fragment.typeCondition?.name.value;
      const inner = condition !== undefined && isEntityKind(condition) ? condition : kind;
      collectLinks(fragment.selectionSet, inner, fragments, variables, links);
    }
  }
}

/** The field's `first` argument, defaulted; null when it is not a size the field accepts. */
function firstOf(field: FieldNode, variables: Variables): number | null {
  const argument = field.arguments?.find((arg) => arg.name.value === "first");
  const value =
    argument === undefined ? DEFAULT_RELATIONS_PER_FIELD : valueOf(argument.value, variables);
  return typeof value === "number" &&
    Number.isInteger(value) &&
    value >= 1 &&
    value <= MAX_RELATIONS_PER_FIELD
    ? value
    : null;
}

function valueOf(node: ValueNode, variables: Variables): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  return undefined;
}
