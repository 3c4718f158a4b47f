import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadQuestions, expectedAnswer } from "../helpers/questions";
import { gql, startTestServer, type TestServer } from "../helpers/server";

type Json = Record<string, unknown>;
type Ask = (query: string, variables?: Json) => Promise<Json>;

interface NameNode {
  node: { name: string; kind: string };
  properties?: { key: string; value: string }[];
}

function names(relations: NameNode[], kind?: string): string[] {
  return relations
    .filter((relation) => kind === undefined || relation.node.kind === kind)
    .map((relation) => relation.node.name)
    .sort();
}

/** The id of the one entity a name resolves to, through the API. */
async function idOf(ask: Ask, name: string): Promise<string> {
  const data = await ask(`query ($name: String!) { resolve(name: $name) { id } }`, { name });
  const found = data.resolve as { id: string }[];
  expect(found, `resolve(${name})`).toHaveLength(1);
  return found[0]!.id;
}

/**
 * How a client answers each sample question with the public API. The expected answers are read
 * from the questions file, never written here.
 */
const ANSWERS: Record<string, (ask: Ask) => Promise<string[] | number>> = {
  V01: async (ask) => {
    const data = await ask(
      `{ resolve(name: "双流县") { ... on District { coBuilt { node { name kind } } } } }`,
    );
    const [district] = data.resolve as { coBuilt: NameNode[] }[];
    return names(district!.coBuilt, "ResearchInstitute");
  },
  V03: async (ask) => {
    const data = await ask(
      `{ technologyRoadmaps(first: 100) { nodes { ... on TechnologyRoadmap { industries { node { name kind } } } } } }`,
    );
    const roadmaps = (data.technologyRoadmaps as { nodes: { industries: NameNode[] }[] }).nodes;
    return roadmaps.flatMap((roadmap) => names(roadmap.industries)).sort();
  },
  V05: async (ask) => {
    const data = await ask(
      `{ resolve(name: "中国电子科技集团") { ... on Enterprise { bases { node { name kind } } } } }`,
    );
    const [group] = data.resolve as { bases: NameNode[] }[];
    return names(group!.bases);
  },
  V06: async (ask) => {
    const data = await ask(
      `{ resolve(name: "中铁轨道交通高科技产业园") { ... on Carrier { districts { node { name kind } } } } }`,
    );
    const [park] = data.resolve as { districts: NameNode[] }[];
    return names(park!.districts);
  },
  V11: async (ask) => {
    const data = await ask(
      `{ resolve(name: "面向市场和产业发展的新型研究院") { facts { key baseValue } } }`,
    );
    const [institutes] = data.resolve as { facts: { key: string; baseValue: number }[] }[];
    return institutes!.facts.find((fact) => fact.key === "countInChengdu")?.baseValue ?? Number.NaN;
  },
  V13: async (ask) => {
    const data = await ask(
      `{ resolve(name: "成都技术转移集团") { facts { key baseValue baseUnit } } }`,
    );
    const [group] = data.resolve as { facts: { key: string; baseValue: number }[] }[];
    return group!.facts.find((fact) => fact.key === "registeredCapital")?.baseValue ?? Number.NaN;
  },
  V17: async (ask) => {
    const data = await ask(
      `{ resolve(name: "六大科技创新工程") { ... on Program { parts { node { name kind } } } } }`,
    );
    const [program] = data.resolve as { parts: NameNode[] }[];
    return names(program!.parts);
  },
  V22: async (ask) => {
    const fromId = await idOf(ask, "University of Electronic Science and Technology of China");
    const toId = await idOf(ask, "双流县");
    const data = await ask(
      `query ($fromId: ID!, $toId: ID!) { paths(fromId: $fromId, toId: $toId, maxHops: 3) { nodes { id name } } }`,
      { fromId, toId },
    );
    const paths = data.paths as { nodes: { id: string; name: string }[] }[];
    return [...new Set(paths.flatMap((p) => p.nodes.slice(1, -1).map((n) => n.name)))].sort();
  },
  V27: async (ask) => {
    const data = await ask(
      `{ resolve(name: "全局干部大会") { ... on Event { presidedBy { node { name kind } } } } }`,
    );
    const [meeting] = data.resolve as { presidedBy: NameNode[] }[];
    return names(meeting!.presidedBy);
  },
  V31: async (ask) => {
    const data = await ask(
      `{ resolve(name: "１＋２＋Ｎ") { ... on Policy { parts { node { name kind } properties { key value } } } } }`,
    );
    const [system] = data.resolve as { parts: NameNode[] }[];
    const parts = system!.parts.filter((part) =>
      (part.properties ?? []).some((p) => p.key === "component" && p.value === "2"),
    );
    return names(parts);
  },
  V39: async (ask) => {
    const data = await ask(
      `{ resolve(name: "科创通") { ... on Platform { dependents { node { name kind } } } } }`,
    );
    const [platform] = data.resolve as { dependents: NameNode[] }[];
    return names(platform!.dependents);
  },
};

describe("the sample questions, answered through the HTTP API", () => {
  let server: TestServer;
  let ask: Ask;

  beforeAll(async () => {
    server = await startTestServer();
    ask = async (query, variables = {}) => {
      const response = await gql(server.url, query, variables);
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      return response.data ?? {};
    };
  });
  afterAll(async () => {
    await server.stop();
  });

  const questions = loadQuestions();

  it("has an answer for every sample question", () => {
    expect(Object.keys(ANSWERS).sort()).toEqual(questions.map((q) => q.id).sort());
  });

  for (const question of questions) {
    it(`answers ${question.id}: ${question.question_en}`, async () => {
      const answer = ANSWERS[question.id];
      if (answer === undefined) throw new Error(`no answer for ${question.id}`);
      expect(await answer(ask)).toEqual(expectedAnswer(question));
    });
  }
});
