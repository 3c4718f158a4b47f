import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from "graphql";
import { AppError } from "../errors";
import { checkFirst, DEFAULT_RELATIONS_PER_FIELD } from "../services/graph.service";
import { DEFAULT_PAGE_SIZE, pageSize } from "../services/pagination";
import {
  MAX_NEIGHBORHOOD_DEPTH,
  MAX_NEIGHBORHOOD_LIMIT,
  MAX_PATH_HOPS,
  MAX_PATHS,
  MAX_TRACE_DEPTH,
} from "../services/traversal.service";
import { checkRange } from "../services/arguments";
import { DEFAULT_CHAIN_FIRST, MAX_CHAIN_FIRST } from "../services/chain.service";

/**
 * Query-shape limits, checked after parsing and before any resolver runs, so a hostile query costs
 * no database round trip. Parse-time token limits are graphql's own `maxTokens`; everything else is
 * measured here on the operation with every fragment expanded (memoised per fragment, so an
 * exponential fragment tree is measured in linear time and reported at its expanded size).
 */
export interface QueryLimits {
  /** Deepest nesting of fields (the operation's top-level fields are depth 1). */
  readonly maxDepth: number;
  /** Aliased fields in the expanded operation. */
  readonly maxAliases: number;
  /** Directive uses in the expanded operation. */
  readonly maxDirectives: number;
  /** Estimated resolved fields: see {@link measureOperation}. */
  readonly maxCost: number;
}

/** Size of a list nothing in the query bounds (an entity's evidence, a chain stage's items). */
export const DEFAULT_LIST_SIZE = 10;

/**
 * Lists without a size argument whose size the model or the sources bound, by `Type.field` or by
 * field name on any type: five chain stages; a name resolves to one entity in the seed graph (3
 * allows for ambiguity); an entity is named by at most 3 passages and has at most 5 facts. A
 * relationship's passages and properties are stored on the relationship itself (at most 3 and a
 * few) and come whole with it, in the one row that reads it: they count as one object per
 * relationship, so asking for a relationship's evidence does not triple what the relationship
 * costs.
 */
const KNOWN_LIST_SIZES: Readonly<Record<string, number>> = {
  "InnovationChain.stages": 5,
  "Query.resolve": 3,
  "Relation.evidence": 1,
  "Relation.properties": 1,
  "GraphEdge.evidence": 1,
  evidence: 3,
  facts: 5,
};

/** `extensions.limit` of a shape-limit error: which limit the operation exceeded. */
export type LimitName = "depth" | "aliases" | "directives" | "cost";

/** What {@link measureOperation} gives. */
export interface Measured {
  readonly measure: Measure;
  readonly problems: ArgumentProblem[];
  readonly sized: readonly SizedField[];
}

/** What an operation measures, its fragments expanded. */
export interface Measure {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

/** An out-of-range size argument, with the message and argument name the service would give. */
export interface ArgumentProblem {
  readonly error: AppError;
  readonly node: ValueNode;
}

export type Variables = Readonly<Record<string, unknown>>;

/**
 * How a size argument is checked and what it defaults to. The checks are the services' own, so an
 * out-of-range value gets the same message and BAD_USER_INPUT code whether it is caught here or
 * there.
 */
interface SizeArgument {
  /** The list size the argument asks for; undefined when it bounds something else (hops). */
  readonly multiplies: boolean;
  readonly fallback: number;
  readonly check: (value: number) => void;
}

function range(name: string, min: number, max: number): (value: number) => void {
  return (value) => checkRange(name, value, min, max);
}

const TRAVERSAL_ARGUMENTS: Readonly<Record<string, Readonly<Record<string, SizeArgument>>>> = {
  "Query.neighborhood": {
    limit: {
      multiplies: true,
      fallback: 100,
      check: range("limit", 1, MAX_NEIGHBORHOOD_LIMIT),
    },
    depth: { multiplies: false, fallback: 1, check: range("depth", 1, MAX_NEIGHBORHOOD_DEPTH) },
  },
  "Query.paths": {
    limit: { multiplies: true, fallback: 10, check: range("limit", 1, MAX_PATHS) },
    maxHops: { multiplies: false, fallback: 4, check: range("maxHops", 1, MAX_PATH_HOPS) },
  },
  // Its limit sizes the list inside it (paths), as a graph view's sizes its nodes.
  "Query.pathSearch": {
    limit: { multiplies: true, fallback: 10, check: range("limit", 1, MAX_PATHS) },
    maxHops: { multiplies: false, fallback: 4, check: range("maxHops", 1, MAX_PATH_HOPS) },
  },
  // A cap per branch of the chain query, not a list size: the stages' items are costed as lists.
  "Query.innovationChain": {
    first: {
      multiplies: false,
      fallback: DEFAULT_CHAIN_FIRST,
      check: range("first", 1, MAX_CHAIN_FIRST),
    },
  },
  "Query.upstream": {
    depth: { multiplies: false, fallback: 3, check: range("depth", 1, MAX_TRACE_DEPTH) },
  },
  "Query.downstream": {
    depth: { multiplies: false, fallback: 3, check: range("depth", 1, MAX_TRACE_DEPTH) },
  },
};

function defaultOf(field: GraphQLField<unknown, unknown>, name: string): number | undefined {
  const value = field.args.find((arg) => arg.name === name)?.defaultValue;
  return typeof value === "number" ? value : undefined;
}

/**
 * The size arguments of a field: `first`/`last` of a connection page (0 to 100, default 20),
 * `first` of a relationship field and any other `limit` (1 to 1000, by the schema's default: 20 for
 * a relationship field, 100 for `history`) and the traversal arguments.
 */
function sizeArguments(
  parent: GraphQLNamedType,
  field: GraphQLField<unknown, unknown>,
): Readonly<Record<string, SizeArgument>> {
  const traversal = TRAVERSAL_ARGUMENTS[`${parent.name}.${field.name}`];
  if (traversal !== undefined) return traversal;
  const result: Record<string, SizeArgument> = {};
  const isPage = getNamedType(field.type).name.endsWith("Connection");
  for (const name of ["first", "last", "limit"]) {
    if (!field.args.some((arg) => arg.name === name)) continue;
    result[name] =
      isPage && name !== "limit"
        ? {
            multiplies: true,
            fallback: DEFAULT_PAGE_SIZE,
            check: (value) => void pageSize(value, name),
          }
        : {
            multiplies: true,
            fallback: defaultOf(field, name) ?? DEFAULT_RELATIONS_PER_FIELD,
            check: (value) => checkFirst(value, name),
          };
  }
  return result;
}

/** Adds without overflowing into nonsense: costs past 1e15 are all "far too many". */
const CAP = 1e15;
const add = (a: number, b: number): number => Math.min(CAP, a + b);
const times = (a: number, b: number): number => Math.min(CAP, a * b);

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Variables | undefined;
  readonly variableDefaults: ReadonlyMap<string, ValueNode>;
  readonly memo: Map<string, Part>;
  readonly active: Set<string>;
  readonly problems: ArgumentProblem[];
  readonly checked: Set<ValueNode>;
  /** Sizes to use instead of what the query asks, by field (to cost a changed query). */
  readonly overrides: ReadonlyMap<FieldNode, number>;
  /** The fields with a size argument, each at the first path where the walk met it. */
  readonly sized: Map<FieldNode, SizedField>;
}

/** A field whose list size the client sets (`first`, `last` or `limit`), as the walk met it. */
export interface SizedField {
  readonly node: FieldNode;
  /** Response path, aliases as the response names them: `districts.nodes.coBuilt`. */
  readonly path: string;
  readonly field: string;
  /** The argument that sets the size: the one given, else `first` (or `limit`). */
  readonly argument: string;
  /** The size the query asks for, given or by default. */
  readonly size: number;
}

function intOf(node: ValueNode, walk: Walk): number | undefined {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const name = node.name.value;
    if (walk.variables !== undefined && name in walk.variables) {
      const value = walk.variables[name];
      return typeof value === "number" && Number.isSafeInteger(value) ? value : undefined;
    }
    const fallback = walk.variableDefaults.get(name);
    return fallback?.kind === Kind.INT ? Number(fallback.value) : undefined;
  }
  return undefined;
}

/** The list size a field asks for, checking its size arguments on the way. */
function requestedSize(
  parent: GraphQLNamedType,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  path: string,
  walk: Walk,
): number | undefined {
  const specs = sizeArguments(parent, field);
  let asked: number | undefined;
  let fallback: number | undefined;
  let argumentName: string | undefined;
  for (const [name, spec] of Object.entries(specs)) {
    const argument = node.arguments?.find((arg) => arg.name.value === name);
    const value = argument === undefined ? undefined : intOf(argument.value, walk);
    if (argument !== undefined && value !== undefined && !walk.checked.has(argument.value)) {
      walk.checked.add(argument.value);
      try {
        spec.check(value);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        walk.problems.push({ error, node: argument.value });
      }
    }
    if (!spec.multiplies) continue;
    fallback ??= spec.fallback;
    argumentName ??= name;
    // first and last are exclusive (the service refuses both); the larger one bounds the estimate.
    if (argument !== undefined) {
      if (asked === undefined) argumentName = name;
      asked = Math.max(asked ?? 0, value ?? spec.fallback);
    }
  }
  const size = asked ?? fallback;
  if (size === undefined || argumentName === undefined) return undefined;
  const bounded = Math.max(0, Math.min(size, CAP));
  if (!walk.sized.has(node)) {
    walk.sized.set(node, {
      node,
      path,
      field: node.name.value,
      argument: argumentName,
      size: bounded,
    });
  }
  return walk.overrides.get(node) ?? bounded;
}

/**
 * The measure of a selection while walking it: `fields` are the field selections of the expanded
 * document (each once, however many objects carry it), `items` the objects its lists can return
 * (each list's size times the sizes of the lists around it).
 */
interface Part {
  depth: number;
  aliases: number;
  directives: number;
  fields: number;
  items: number;
}

const EMPTY: Part = { depth: 0, aliases: 0, directives: 0, fields: 0, items: 0 };

function measureSelections(
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  inheritedSize: number | undefined,
  path: string,
  walk: Walk,
): Part {
  const total: Part = { ...EMPTY };
  const include = (part: Part): void => {
    total.depth = Math.max(total.depth, part.depth);
    total.aliases = add(total.aliases, part.aliases);
    total.directives = add(total.directives, part.directives);
    total.fields = add(total.fields, part.fields);
    total.items = add(total.items, part.items);
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      include(measureField(selection, parent, inheritedSize, path, walk));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typeName = selection.typeCondition?.name.value;
      const type = typeName === undefined ? parent : walk.schema.getType(typeName);
      if (type !== undefined && type !== null && isCompositeType(type)) {
        include(measureSelections(selection.selectionSet, type, inheritedSize, path, walk));
      }
    } else {
      include(measureSpread(selection.name.value, inheritedSize, path, walk));
    }
    total.directives = add(total.directives, selection.directives?.length ?? 0);
  }
  return total;
}

/**
 * A fragment is measured once per size it inherits: its fields' paths are those of the first
 * place it is spread.
 */
function measureSpread(
  name: string,
  inheritedSize: number | undefined,
  path: string,
  walk: Walk,
): Part {
  const key = `${name}|${inheritedSize ?? ""}`;
  const known = walk.memo.get(key);
  if (known !== undefined) return known;
  const fragment = walk.fragments.get(name);
  // An unknown fragment or a cycle is graphql's own validation error (NoFragmentCyclesRule).
  if (fragment === undefined || walk.active.has(name)) return EMPTY;
  const type = walk.schema.getType(fragment.typeCondition.name.value);
  if (type === undefined || type === null || !isCompositeType(type)) return EMPTY;
  walk.active.add(name);
  const measured = measureSelections(fragment.selectionSet, type, inheritedSize, path, walk);
  walk.active.delete(name);
  const result = {
    ...measured,
    directives: add(measured.directives, fragment.directives?.length ?? 0),
  };
  walk.memo.set(key, result);
  return result;
}

function measureField(
  node: FieldNode,
  parent: GraphQLCompositeType,
  inheritedSize: number | undefined,
  parentPath: string,
  walk: Walk,
): Part {
  const name = node.name.value;
  const key = node.alias?.value ?? name;
  const path = parentPath === "" ? key : `${parentPath}.${key}`;
  const aliases = node.alias === undefined ? 0 : 1;
  const leaf: Part = { depth: 1, aliases, directives: 0, fields: 1, items: 0 };
  // Introspection is answered from memory and is off in production; Apollo Sandbox's own
  // introspection query nests ofType deeper than any data query needs.
  if (name.startsWith("__")) return name === "__typename" ? leaf : { ...leaf, depth: 0 };
  const field =
    isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  const type = field === undefined ? undefined : getNamedType(field.type);
  if (field === undefined || type === undefined) return leaf;

  const asked = requestedSize(parent, field, node, path, walk);
  if (node.selectionSet === undefined || !isCompositeType(type)) return leaf;

  let multiplier: number | undefined;
  let passDown: number | undefined;
  if (isListType(getNullableType(field.type))) {
    multiplier =
      asked ??
      inheritedSize ??
      KNOWN_LIST_SIZES[`${parent.name}.${name}`] ??
      KNOWN_LIST_SIZES[name] ??
      DEFAULT_LIST_SIZE;
  } else {
    // A connection or graph view: its size argument sizes the lists inside it (edges, nodes).
    passDown = asked;
  }
  const inner = measureSelections(node.selectionSet, type, passDown, path, walk);
  return {
    depth: inner.depth + 1,
    aliases: add(aliases, inner.aliases),
    directives: inner.directives,
    fields: add(1, inner.fields),
    // A list holds `multiplier` objects, each with the items of the lists inside it.
    items: multiplier === undefined ? inner.items : times(multiplier, add(1, inner.items)),
  };
}

/**
 * Measures an operation with its fragments expanded:
 * - depth: nesting of fields, `{ a { b } }` is 2;
 * - aliases and directives: every use, counted as often as the expanded document repeats it (not
 *   multiplied by list sizes: an alias is resolved per object anyway);
 * - cost: every field selection costs 1 (so a duplicated field or a fragment spread twice costs
 *   twice), plus every object a list can return: a list's size multiplied by the sizes of the lists
 *   around it. A list's size is its `first`/`last`/`limit` argument (a literal, the variable's
 *   value, or the default: 20 for a relationship field, 20 for a list or search page, 100 for a
 *   neighbourhood, 10 paths), for `edges`/`nodes` the size of their connection or graph view, and
 *   for a list nothing bounds 10 (3 for `resolve` and an entity's evidence, 5 for facts and chain
 *   stages, 1 for a relationship's evidence and properties, which come whole with it).
 * Also collects out-of-range size arguments, and the fields whose size the client sets (`sized`,
 * for {@link explainCost}). Introspection fields (`__schema`, `__type`) cost 1 and have no depth:
 * they are answered from memory, and refused in production. `overrides` measures the query as if
 * those fields asked for those sizes.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables?: Variables,
  overrides: ReadonlyMap<FieldNode, number> = new Map(),
): Measured {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const variableDefaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue !== undefined) {
      variableDefaults.set(definition.variable.name.value, definition.defaultValue);
    }
  }
  const walk: Walk = {
    schema,
    fragments,
    variables,
    variableDefaults,
    memo: new Map(),
    active: new Set(),
    problems: [],
    checked: new Set(),
    overrides,
    sized: new Map(),
  };
  const root = schema.getRootType(operation.operation);
  if (root === undefined || root === null) {
    return { measure: { depth: 0, aliases: 0, directives: 0, cost: 0 }, problems: [], sized: [] };
  }
  const part = measureSelections(operation.selectionSet, root, undefined, "", walk);
  const operationDirectives =
    (operation.directives?.length ?? 0) +
    (operation.variableDefinitions ?? []).reduce(
      (sum, definition) => sum + (definition.directives?.length ?? 0),
      0,
    );
  const measure: Measure = {
    depth: part.depth,
    aliases: part.aliases,
    directives: add(part.directives, operationDirectives),
    cost: add(part.fields, part.items),
  };
  return { measure, problems: walk.problems, sized: [...walk.sized.values()] };
}

/** Extensions of a shape-limit error: which limit, its maximum and what the operation measured. */
export interface LimitExtensions {
  readonly code: "GRAPHQL_VALIDATION_FAILED";
  readonly limit: LimitName;
  readonly max: number;
  readonly actual: number;
  /** For the cost limit: the costliest lists whose size the query sets, costliest first. */
  readonly fields?: readonly CostlyField[];
}

/** A list of an over-cost query whose size the client sets: what it costs, and what would fit. */
export interface CostlyField {
  /** Response path of the field (aliases as the response names them): `districts.nodes.coBuilt`. */
  readonly path: string;
  /** The argument that sets its size: `first`, or `last` or `limit` where the field has them. */
  readonly argument: string;
  /** The size it asks for, given or by default: the field's own multiplier. */
  readonly first: number;
  /** What the field adds to the cost: the objects it and the lists inside it can return. */
  readonly cost: number;
  /** The largest size that, changed alone, makes the query fit; null when not even 1 does. */
  readonly suggestedFirst: number | null;
  /** The query's cost with that size; null without one. */
  readonly suggestedCost: number | null;
}

/** The cost of the operation as if some fields asked for other sizes. */
export type CostWith = (overrides: ReadonlyMap<FieldNode, number>) => number;

/** Sized fields weighed when a query is over the cost limit (each costs one more measure). */
const MAX_WEIGHED_FIELDS = 100;
/** Costly fields an error lists in its extensions, and in its message. */
const MAX_LISTED_FIELDS = 5;
const MAX_NAMED_FIELDS = 3;

/**
 * The costliest lists of an over-cost operation whose size the client sets, with the size that
 * alone would make it fit. A field's cost is what the operation costs less what it would cost were
 * the field's list empty: the field's objects and everything inside them, over every place a
 * fragment repeats it. The suggested size is the largest that fits, found by measuring again
 * (costs are monotonic in each size). At most {@link MAX_WEIGHED_FIELDS} fields are weighed, in
 * the order of the document, so a refused query costs a bounded number of measures.
 */
export function explainCost(
  max: number,
  cost: number,
  sized: readonly SizedField[],
  costWith: CostWith,
): CostlyField[] {
  const weighed = sized
    .slice(0, MAX_WEIGHED_FIELDS)
    .map((field) => ({ field, cost: cost - costWith(new Map([[field.node, 0]])) }))
    .filter((entry) => entry.cost > 0)
    .sort((a, b) => b.cost - a.cost)
    .slice(0, MAX_LISTED_FIELDS);
  return weighed.map(({ field, cost: share }) => {
    const costAt = (size: number): number => costWith(new Map([[field.node, size]]));
    let suggestedFirst: number | null = null;
    if (field.size > 1 && costAt(1) <= max) {
      // The largest size from 1 to size - 1 that fits: 1 does, size does not.
      let low = 1;
      let high = field.size - 1;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (costAt(middle) <= max) low = middle;
        else high = middle - 1;
      }
      suggestedFirst = low;
    }
    return {
      path: field.path,
      argument: field.argument,
      first: field.size,
      cost: share,
      suggestedFirst,
      suggestedCost: suggestedFirst === null ? null : costAt(suggestedFirst),
    };
  });
}

const grouped = (value: number): string => value.toLocaleString("en-US");

/**
 * The message's tail for an over-cost query: the costliest lists, and the one size change that
 * keeps the most (the highest cost that fits).
 */
function costAdvice(fields: readonly CostlyField[]): string {
  if (fields.length === 0) return " Ask for fewer fields.";
  const named = fields
    .slice(0, MAX_NAMED_FIELDS)
    .map(
      (field) => `${field.path} (${field.argument}: ${field.first}, cost ${grouped(field.cost)})`,
    )
    .join(", ");
  let best: CostlyField | undefined;
  for (const field of fields) {
    if (field.suggestedCost !== null && field.suggestedCost > (best?.suggestedCost ?? -1)) {
      best = field;
    }
  }
  const name = (field: CostlyField): string => field.path.slice(field.path.lastIndexOf(".") + 1);
  const change =
    best === undefined || best.suggestedFirst === null || best.suggestedCost === null
      ? " No one size makes it fit: lower several, or ask for fewer fields."
      : ` ${name(best)}(${best.argument}: ${best.suggestedFirst}) would bring the cost to ${grouped(best.suggestedCost)}.`;
  return ` Costliest lists: ${named}.${change}`;
}

const LIMIT_MESSAGES: Readonly<Record<LimitName, string>> = {
  depth: "Query is too deep",
  aliases: "Query has too many aliases",
  directives: "Query has too many directives",
  cost: "Query is too expensive",
};

const MEASURED: Readonly<Record<LimitName, keyof Measure>> = {
  depth: "depth",
  aliases: "aliases",
  directives: "directives",
  cost: "cost",
};

/**
 * The errors an operation's measure and arguments give against the limits; empty when it fits.
 * With `costWith`, an over-cost error names the costliest lists and the sizes that would fit
 * (see {@link explainCost}).
 */
export function limitErrors(
  limits: QueryLimits,
  measured: Pick<Measured, "measure" | "problems"> & Partial<Pick<Measured, "sized">>,
  operation: OperationDefinitionNode,
  costWith?: CostWith,
): GraphQLError[] {
  const maxima: Readonly<Record<LimitName, number>> = {
    depth: limits.maxDepth,
    aliases: limits.maxAliases,
    directives: limits.maxDirectives,
    cost: limits.maxCost,
  };
  const errors: GraphQLError[] = measured.problems.map(
    ({ error, node }) =>
      new GraphQLError(error.message, {
        nodes: [node],
        originalError: error,
        extensions: { ...error.extensions },
      }),
  );
  for (const limit of Object.keys(maxima) as LimitName[]) {
    const max = maxima[limit];
    const actual = measured.measure[MEASURED[limit]];
    if (actual <= max) continue;
    const shown = actual >= CAP ? `more than ${CAP}` : String(actual);
    const fields =
      limit === "cost" && costWith !== undefined
        ? explainCost(max, actual, measured.sized ?? [], costWith)
        : undefined;
    const extensions: LimitExtensions = {
      code: "GRAPHQL_VALIDATION_FAILED",
      limit,
      max,
      actual: Math.min(actual, CAP),
      ...(fields === undefined ? {} : { fields }),
    };
    const advice = fields === undefined ? "" : costAdvice(fields);
    errors.push(
      new GraphQLError(
        `${LIMIT_MESSAGES[limit]}: ${limit} ${shown} exceeds the limit of ${max}.${advice}`,
        { nodes: [operation], extensions: { ...extensions } },
      ),
    );
  }
  return errors;
}

/**
 * A validation rule enforcing the limits on every operation of a document. Variables are unknown at
 * validation (and Apollo caches validated documents), so a size given by a variable counts at its
 * default here; {@link checkOperationWithVariables} measures again with the request's values.
 */
export function createLimitsRule(limits: QueryLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const schema = context.getSchema();
      const document = context.getDocument();
      const measured = measureOperation(schema, document, operation);
      const costWith: CostWith = (overrides) =>
        measureOperation(schema, document, operation, undefined, overrides).measure.cost;
      for (const error of limitErrors(limits, measured, operation, costWith)) {
        context.reportError(error);
      }
      return false;
    },
  });
}

/** Whether a variable of the operation is used as a size argument value anywhere. */
function usesVariables(operation: OperationDefinitionNode): boolean {
  return (operation.variableDefinitions?.length ?? 0) > 0;
}

/**
 * Measures an operation again with the request's variable values; the first error, or null.
 * Meant for the didResolveOperation hook, after validation and before execution.
 */
export function checkOperationWithVariables(
  limits: QueryLimits,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables | undefined,
): GraphQLError[] {
  if (!usesVariables(operation)) return [];
  const values = variables ?? {};
  return limitErrors(
    limits,
    measureOperation(schema, document, operation, values),
    operation,
    (overrides) => measureOperation(schema, document, operation, values, overrides).measure.cost,
  );
}

/** An error thrown from an Apollo hook, answered with HTTP 400 like a validation error. */
function badRequest(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    ...(error.originalError === undefined ? {} : { originalError: error.originalError }),
    extensions: { ...error.extensions, http: { status: 400 } },
  });
}

/**
 * An Apollo plugin measuring each operation again with its variables' values, after validation
 * and before execution: a size passed as a variable (`first: $n`) is checked and costed like a
 * literal one.
 */
export function createLimitsPlugin<T extends object>(limits: QueryLimits): ApolloServerPlugin<T> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ schema, document, operation, request }) => {
          if (operation === undefined) return Promise.resolve();
          const [error] = checkOperationWithVariables(
            limits,
            schema,
            document,
            operation,
            request.variables,
          );
          return error === undefined ? Promise.resolve() : Promise.reject(badRequest(error));
        },
      }),
  };
}

/** A trusted-document list: sha256 (hex) of a document → the document. */
export type TrustedDocuments = ReadonlyMap<string, string>;

/**
 * Reads a trusted-document list: a JSON object mapping the sha256 (lower-case hex) of each
 * document to the document, as persisted-query manifests give it.
 * @throws Error naming the file and the first bad entry.
 */
export async function loadTrustedDocuments(path: string): Promise<TrustedDocuments> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new Error(
      `TRUSTED_DOCUMENTS=${path} could not be read as JSON: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new Error(`TRUSTED_DOCUMENTS=${path} must be a JSON object of sha256 → document`);
  }
  const documents = new Map<string, string>();
  for (const [hash, document] of Object.entries(parsed)) {
    if (typeof document !== "string" || !/^[0-9a-f]{64}$/.test(hash)) {
      throw new Error(`TRUSTED_DOCUMENTS=${path}: ${hash} is not a sha256 with a document`);
    }
    if (createHash("sha256").update(document).digest("hex") !== hash) {
      throw new Error(`TRUSTED_DOCUMENTS=${path}: ${hash} is not the sha256 of its document`);
    }
    documents.set(hash, document);
  }
  return documents;
}

/** Apollo's persisted-query store over a trusted list: it serves the list and registers nothing. */
export function trustedDocumentStore(documents: TrustedDocuments): {
  get(key: string): Promise<string | undefined>;
  set(): Promise<void>;
  delete(): Promise<boolean>;
} {
  return {
    // Apollo prefixes the keys of its persisted-query store with "apq:".
    get: (key) => Promise.resolve(documents.get(key.replace(/^apq:/, ""))),
    set: () => Promise.resolve(),
    delete: () => Promise.resolve(false),
  };
}

/** Code of a document refused because it is not in the trusted list. */
export const NOT_IN_LIST = "PERSISTED_QUERY_NOT_IN_LIST";

/**
 * An Apollo plugin accepting only documents of the trusted list (by their sha256, however they
 * came: by hash or as text). Refused documents are answered 400 before execution.
 */
export function createTrustedDocumentsPlugin<T extends object>(
  documents: TrustedDocuments,
): ApolloServerPlugin<T> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ queryHash }) =>
          documents.has(queryHash)
            ? Promise.resolve()
            : Promise.reject(
                new GraphQLError(
                  "Only trusted documents are accepted: send the sha256 of a document of the trusted list in extensions.persistedQuery.",
                  { extensions: { code: NOT_IN_LIST, http: { status: 400 } } },
                ),
              ),
      }),
  };
}
