import { describe, expect, it } from "vitest";
import {
  Kind,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from "graphql";
import { listReadingOf, prefetchPlanOf, prefetchLinksOf, shapeOf } from "./lookahead";

/** The resolve info a relationship field at `path` of the operation would get. */
function infoAt(source: string, path: string[], variables: Record<string, unknown> = {}) {
  const document = parse(source);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  let nodes: readonly FieldNode[] = [];
  let selections = operation?.selectionSet.selections ?? [];
  for (const name of path) {
    const flat = selections.flatMap((s) =>
      s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet.selections : [s],
    );
    nodes = flat.filter((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === name);
    selections = nodes.flatMap((n) => n.selectionSet?.selections ?? []);
  }
  return { fieldNodes: nodes, fragments, variableValues: variables } as GraphQLResolveInfo;
}

describe("prefetchLinksOf", () => {
  it("names the typed fields asked for on the other ends, with their sizes", () => {
    const info = infoAt(
      `{ entity(id: "x") { ... on District { coBuilt(first: 20) { node { id
        ... on ResearchInstitute { universities(first: 5) { node { id } } coBuilders { node { id } } }
      } } } } }`,
      ["entity", "coBuilt"],
    );
    expect(prefetchLinksOf(info)).toEqual([
      {
        kind: "ResearchInstitute",
        type: "AFFILIATED_WITH",
        direction: "OUT",
        limit: 5,
        brief: true,
        names: true,
        bare: true,
      },
      // coBuilders without a first: the default, as its own query would read it.
      {
        kind: "ResearchInstitute",
        type: "CO_BUILT",
        direction: "IN",
        limit: 20,
        brief: true,
        names: true,
        bare: true,
      },
    ]);
  });

  it("reads a deprecated former name ahead as the field that replaced it", () => {
    const ahead = (field: string) =>
      prefetchLinksOf(
        infoAt(
          `{ entity(id: "x") { ... on District { coBuilt { node {
            ... on ResearchInstitute { ${field}(first: 5) { node { id } } }
            ... on Carrier { ${field === "university" ? "district" : "districts"} { node { id } } }
          } } } } }`,
          ["entity", "coBuilt"],
        ),
      );
    expect(ahead("university")).toEqual(ahead("universities"));
    expect(ahead("universities")).toEqual([
      {
        kind: "ResearchInstitute",
        type: "AFFILIATED_WITH",
        direction: "OUT",
        limit: 5,
        brief: true,
        names: true,
        bare: true,
      },
      {
        kind: "Carrier",
        type: "LOCATED_IN",
        direction: "OUT",
        limit: 20,
        brief: true,
        names: true,
        bare: true,
      },
      {
        kind: "Carrier",
        type: "DEVELOPS",
        direction: "IN",
        limit: 20,
        brief: true,
        names: true,
        bare: true,
      },
    ]);
  });

  it("follows named fragments and variables", () => {
    const info = infoAt(
      `query ($n: Int) { entity(id: "x") { ... on District { coBuilt { node { ...I } } } } }
       fragment I on ResearchInstitute { universities(first: $n) { node { id } } }`,
      ["entity", "coBuilt"],
      { n: 7 },
    );
    expect(prefetchLinksOf(info)).toEqual([
      {
        kind: "ResearchInstitute",
        type: "AFFILIATED_WITH",
        direction: "OUT",
        limit: 7,
        brief: true,
        names: true,
        bare: true,
      },
    ]);
  });

  it("leaves out fields under directives, sizes the field would refuse, and fields of no kind", () => {
    const info = infoAt(
      `{ entity(id: "x") { ... on District { coBuilt { node { id
        ... on ResearchInstitute { universities(first: 0) { node { id } } }
        ... on ResearchInstitute { coBuilders(first: 5000) { node { id } } }
        ... on University @include(if: true) { coBuiltInstitutes { node { id } } }
        ... on Enterprise { bases @skip(if: false) { node { id } } }
        relations { id }
      } } } } }`,
      ["entity", "coBuilt"],
    );
    expect(prefetchLinksOf(info)).toEqual([]);
  });

  it("names, for a query's entity, its typed fields and what each asks for next", () => {
    const info = infoAt(
      `{ entity(id: "x") { id ... on District { coBuilt(first: 20) { node { id
        ... on ResearchInstitute { universities(first: 5) { node { id } } } } } }
        ... on University { coBuiltInstitutes(first: 3) { node { id } } } } }`,
      ["entity"],
    );
    expect(prefetchPlanOf(info)).toEqual([
      {
        kind: "District",
        type: "CO_BUILT",
        direction: "OUT",
        limit: 20,
        brief: true,
        names: true,
        bare: true,
        next: [
          {
            kind: "ResearchInstitute",
            type: "AFFILIATED_WITH",
            direction: "OUT",
            limit: 5,
            brief: true,
            names: true,
            bare: true,
          },
        ],
      },
      {
        kind: "University",
        type: "AFFILIATED_WITH",
        direction: "IN",
        limit: 3,
        brief: true,
        names: true,
        bare: true,
        next: [],
      },
      {
        kind: "University",
        type: "CO_BUILT",
        direction: "OUT",
        limit: 3,
        brief: true,
        names: true,
        bare: true,
        next: [],
      },
    ]);
  });
});

describe("shapeOf: brief", () => {
  const brief = (node: string, fragments = "") =>
    shapeOf(
      infoAt(
        `{ entity(id: "x") { ... on District { coBuilt { node { ${node} } } } } } ${fragments}`,
        ["entity", "coBuilt"],
      ),
    ).brief;

  it("reads the other ends brief when the query asks them for none of their long fields", () => {
    expect(brief("id name nameEn kind __typename relationCount evidence { quote }")).toBe(true);
    // What the next level asks is its own field's to weigh.
    expect(
      brief("id ... on ResearchInstitute { universities { node { description aliases } } }"),
    ).toBe(true);
  });

  it("reads them whole when the query asks for one, wherever it is asked", () => {
    expect(brief("id description")).toBe(false);
    expect(brief("id ... on ResearchInstitute { aliases }")).toBe(false);
    expect(brief("id ...F", "fragment F on Entity { citations { source } }")).toBe(false);
    // Under a directive it may run, so it counts.
    expect(brief("id description @include(if: false)")).toBe(false);
    expect(brief("id ... @skip(if: true) { aliases }")).toBe(false);
    expect(
      shapeOf(
        infoAt(
          `{ entity(id: "x") { ... on District { coBuilt { node @skip(if: true) { aliases } } } } }`,
          ["entity", "coBuilt"],
        ),
      ).brief,
    ).toBe(false);
  });

  it("reads each level ahead brief or whole as its own field asks, and a link two aliases ask whole if either asks", () => {
    const info = infoAt(
      `{ entity(id: "x") { ... on District {
        a: coBuilt(first: 5) { node { id ... on ResearchInstitute {
          universities(first: 5) { node { description } } coBuilders(first: 5) { node { id } } } } }
        b: coBuilt(first: 5) { node { aliases } }
        coBuiltCarriers: coBuilt(first: 6) { node { id } } } } }`,
      ["entity"],
    );
    expect(prefetchPlanOf(info)).toEqual([
      {
        kind: "District",
        type: "CO_BUILT",
        direction: "OUT",
        limit: 5,
        brief: false,
        names: false,
        bare: true,
        next: [
          {
            kind: "ResearchInstitute",
            type: "AFFILIATED_WITH",
            direction: "OUT",
            limit: 5,
            brief: false,
            names: false,
            bare: true,
          },
          {
            kind: "ResearchInstitute",
            type: "CO_BUILT",
            direction: "IN",
            limit: 5,
            brief: true,
            names: true,
            bare: true,
          },
        ],
      },
      {
        kind: "District",
        type: "CO_BUILT",
        direction: "OUT",
        limit: 6,
        brief: true,
        names: true,
        bare: true,
        next: [],
      },
    ]);
  });
});

describe("shapeOf: bare", () => {
  const shape = (link: string, fragments = "") =>
    shapeOf(
      infoAt(`{ entity(id: "x") { ... on District { coBuilt { ${link} } } } } ${fragments}`, [
        "entity",
        "coBuilt",
      ]),
    );

  it("reads the links bare when the query asks them for none of the fields of their properties", () => {
    expect(shape("node { id name }")).toEqual({ brief: true, names: true, bare: true });
    // Ids, ends, type, direction and evidence come without the properties.
    expect(
      shape(
        "id type direction source target __typename firstStated evidence { quote } node { id }",
      ),
    ).toEqual({ brief: true, names: true, bare: true });
    // A field of the other end with a property's name is the entity's, not the link's.
    expect(shape("node { id ... on ResearchInstitute { coBuilders { confidence } } }").bare).toBe(
      true,
    );
  });

  it("reads them whole when the query asks for one of those fields, wherever it is asked", () => {
    expect(shape("node { id } confidence")).toEqual({ brief: true, names: true, bare: false });
    expect(shape("evidenceKind").bare).toBe(false);
    expect(shape("note node { description }")).toEqual({ brief: false, names: false, bare: false });
    expect(shape("... on Relation { citation { title } }").bare).toBe(false);
    expect(shape("...L", "fragment L on Relation { properties { key } }").bare).toBe(false);
    // Under a directive it may run, so it counts.
    expect(shape("node { id } confidence @include(if: false)").bare).toBe(false);
  });

  it("reads each level ahead bare or whole as its own field asks, and a link two aliases ask whole if either asks", () => {
    const info = infoAt(
      `{ entity(id: "x") { ... on District {
        a: coBuilt(first: 5) { node { id ... on ResearchInstitute {
          universities(first: 5) { confidence node { id } } coBuilders(first: 5) { node { id } } } } }
        b: coBuilt(first: 5) { properties { key } node { id } }
        coBuiltCarriers: coBuilt(first: 6) { node { id } } } } }`,
      ["entity"],
    );
    expect(prefetchPlanOf(info)).toEqual([
      {
        kind: "District",
        type: "CO_BUILT",
        direction: "OUT",
        limit: 5,
        brief: true,
        names: true,
        bare: false,
        next: [
          {
            kind: "ResearchInstitute",
            type: "AFFILIATED_WITH",
            direction: "OUT",
            limit: 5,
            brief: true,
            names: true,
            bare: false,
          },
          {
            kind: "ResearchInstitute",
            type: "CO_BUILT",
            direction: "IN",
            limit: 5,
            brief: true,
            names: true,
            bare: true,
          },
        ],
      },
      {
        kind: "District",
        type: "CO_BUILT",
        direction: "OUT",
        limit: 6,
        brief: true,
        names: true,
        bare: true,
        next: [],
      },
    ]);
  });
});

describe("shapeOf: names", () => {
  const shape = (link: string, fragments = "") =>
    shapeOf(
      infoAt(`{ entity(id: "x") { ... on District { coBuilt { ${link} } } } } ${fragments}`, [
        "entity",
        "coBuilt",
      ]),
    );

  it("reads the other ends as their names when the query asks them for their id, kind and name only", () => {
    expect(shape("node { id name kind __typename }")).toEqual({
      brief: true,
      names: true,
      bare: true,
    });
    // A relationship field of the other end is its own level's to weigh.
    expect(
      shape("node { id ... on ResearchInstitute { universities { node { nameEn } } } }").names,
    ).toBe(true);
  });

  it("reads them brief when it asks for one of the other short fields, wherever it is asked", () => {
    expect(shape("node { id nameEn }")).toEqual({ brief: true, names: false, bare: true });
    expect(shape("node { ... on University { nameInferred } }").names).toBe(false);
    expect(shape("node { ...F }", "fragment F on Entity { nameEnOfficial }").names).toBe(false);
    // Under a directive it may run, so it counts.
    expect(shape("node { id nameEn @skip(if: true) }").names).toBe(false);
    // A long field makes it whole, and so not names either.
    expect(shape("node { description }")).toEqual({ brief: false, names: false, bare: true });
  });

  it("reads the next level as names or brief as its own field asks", () => {
    const info = infoAt(
      `{ entity(id: "x") { ... on District { coBuilt(first: 5) { node { nameEn
        ... on ResearchInstitute { universities(first: 5) { node { id name } }
          coBuilders(first: 5) { node { nameEn } } } } } } } }`,
      ["entity", "coBuilt"],
    );
    expect(shapeOf(info).names).toBe(false);
    expect(prefetchLinksOf(info).map(({ type, brief, names }) => ({ type, brief, names }))).toEqual(
      [
        { type: "AFFILIATED_WITH", brief: true, names: true },
        { type: "CO_BUILT", brief: true, names: false },
      ],
    );
  });
});

describe("listReadingOf", () => {
  const reading = (selection: string, fragments = "") =>
    listReadingOf(
      infoAt(`{ districts(first: 5) { ${selection} } } ${fragments}`, ["districts"]),
      "District",
    );

  it("reads a page brief when the query asks its entities for none of their long fields", () => {
    expect(reading("nodes { id name nameEn }")).toEqual({
      ahead: [],
      withTotal: false,
      brief: true,
      names: false,
    });
    expect(reading("totalCount edges { cursor node { id } }")).toEqual({
      ahead: [],
      withTotal: true,
      brief: true,
      names: true,
    });
    // A long field of an entity further down is its own field's to weigh.
    expect(reading("nodes { id coBuilt(first: 3) { node { description } } }")).toEqual({
      ahead: [
        {
          kind: "District",
          type: "CO_BUILT",
          direction: "OUT",
          limit: 3,
          brief: false,
          names: false,
          bare: true,
          next: [],
        },
      ],
      withTotal: false,
      brief: true,
      names: true,
    });
  });

  it("reads a page as names when the query asks its entities for their id, kind and name only", () => {
    expect(reading("nodes { id name __typename }").names).toBe(true);
    expect(reading("edges { node { id kind } }").names).toBe(true);
    expect(reading("edges { node { ... on District { nameEnOfficial } } }")).toEqual({
      ahead: [],
      withTotal: false,
      brief: true,
      names: false,
    });
  });

  it("reads it whole when the query asks for one, wherever it is asked", () => {
    expect(reading("nodes { id description }").brief).toBe(false);
    expect(reading("edges { node { ... on District { aliases } } }").brief).toBe(false);
    expect(reading("nodes { ...F }", "fragment F on Entity { citations { source } }").brief).toBe(
      false,
    );
    // Under a directive it may run, so it counts.
    expect(reading("nodes @include(if: false) { aliases }").brief).toBe(false);
    expect(reading("edges { node { id description @skip(if: true) } }").brief).toBe(false);
  });
});

describe("readings of a selection", () => {
  const source = `query ($n: Int) { entity(id: "x") { ... on District { coBuilt(first: 20) { node { id
    ... on ResearchInstitute { coBuilders(first: $n) { node { id } } } } } } } }`;
  /** The info of another execution of the same parsed document: graphql-js makes a new array. */
  const again = (info: GraphQLResolveInfo, variables: Record<string, unknown>) =>
    ({
      ...info,
      fieldNodes: [...info.fieldNodes],
      variableValues: variables,
    }) as GraphQLResolveInfo;

  it("are kept across executions of one parsed document with the same variables", () => {
    const info = infoAt(source, ["entity", "coBuilt"], { n: 5 });
    const links = prefetchLinksOf(info);
    expect(links.map((link) => link.limit)).toEqual([5]);
    expect(prefetchLinksOf(again(info, { n: 5 }))).toBe(links);
    const plan = prefetchPlanOf(infoAt(source, ["entity"], { n: 5 }));
    expect(plan.map((step) => [step.type, step.limit, step.next.map((n) => n.limit)])).toEqual([
      ["CO_BUILT", 20, [5]],
    ]);
  });

  it("are read again for other variables, and for another parse of the same text", () => {
    const info = infoAt(source, ["entity", "coBuilt"], { n: 5 });
    const five = prefetchLinksOf(info);
    expect(prefetchLinksOf(again(info, { n: 7 })).map((link) => link.limit)).toEqual([7]);
    expect(prefetchLinksOf(again(info, { n: 5 })).map((link) => link.limit)).toEqual([5]);
    const reparsed = prefetchLinksOf(infoAt(source, ["entity", "coBuilt"], { n: 5 }));
    expect(reparsed).toEqual(five);
    expect(reparsed).not.toBe(five);
  });

  it("of a link's shape are kept whatever the variables, which cannot change it", () => {
    const info = infoAt(source, ["entity", "coBuilt"], { n: 5 });
    const shape = shapeOf(info);
    expect(shape).toEqual({ brief: true, names: true, bare: true });
    expect(shapeOf(again(info, { n: 7 }))).toBe(shape);
  });

  it("of a list are kept for its kind only", () => {
    const info = infoAt(`{ entities(first: 3) { nodes { id name } } }`, ["entities"]);
    const districts = listReadingOf(info, "District");
    expect(listReadingOf(again(info, {}), "District")).toBe(districts);
    expect(listReadingOf(again(info, {}), "University")).not.toBe(districts);
  });
});
