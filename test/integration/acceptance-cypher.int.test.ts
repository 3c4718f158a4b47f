import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boltUri, loadConfig } from "../../src/config";
import { expectedAnswer, loadQuestions } from "../helpers/questions";

/**
 * The sample questions answered with plain Cypher against the seeded graph: the graph itself, not
 * only the API, holds each answer. Names are found through the NameForm index, as a researcher
 * would look them up.
 */
const CYPHER: Record<string, { query: string; params?: Record<string, unknown> }> = {
  V01: {
    query: `MATCH (:NameForm {key: '双流县'})-[:NAMES]->(d:District)-[:CO_BUILT]->(x:ResearchInstitute)
            RETURN x.name AS answer`,
  },
  V03: {
    query: `MATCH (:TechnologyRoadmap)-[:ROADMAP_FOR]->(i:Industry) RETURN DISTINCT i.name AS answer`,
  },
  V05: {
    query: `MATCH (:NameForm {key: '中国电子科技集团'})-[:NAMES]->(g)<-[:BELONGS_TO]-(b:Project)
            RETURN b.name AS answer`,
  },
  V06: {
    query: `MATCH (:NameForm {key: '中铁轨道交通高科技产业园'})-[:NAMES]->(c)-[:LOCATED_IN]->(d:District)
            RETURN d.name AS answer`,
  },
  V11: {
    query: `MATCH (:NameForm {key: '面向市场和产业发展的新型研究院'})-[:NAMES]->(x)-[:HAS_FACT]->(f:Fact {key: 'countInChengdu'})
            RETURN f.value AS answer`,
  },
  V13: {
    query: `MATCH (:NameForm {key: '成都技术转移集团'})-[:NAMES]->(x)-[:HAS_FACT]->(f:Fact {key: 'registeredCapital'})
            WHERE f.unit = '亿元'
            RETURN f.value * 100000000 AS answer`,
  },
  V17: {
    query: `MATCH (:NameForm {key: '六大科技创新工程'})-[:NAMES]->(p)<-[:PART_OF]-(x:Program)
            RETURN x.name AS answer`,
  },
  V22: {
    query: `MATCH (:NameForm {key: '电子科技大学'})-[:NAMES]->(u:University)
            MATCH (:NameForm {key: '双流县'})-[:NAMES]->(d:District)
            MATCH (u)<-[:AFFILIATED_WITH]-(x:ResearchInstitute)<-[:CO_BUILT]-(d)
            RETURN x.name AS answer`,
  },
  V27: {
    query: `MATCH (:NameForm {key: '全局干部大会'})-[:NAMES]->(e:Event)<-[:PRESIDED_OVER]-(p:Person)
            RETURN p.name AS answer`,
  },
  V31: {
    query: `MATCH (:NameForm {key: '1+2+n'})-[:NAMES]->(s:Policy)<-[r:PART_OF]-(x:Policy)
            WHERE r.component = '2'
            RETURN x.name AS answer`,
  },
  V39: {
    query: `MATCH (:NameForm {key: '科创通'})-[:NAMES]->(k:Platform)<-[:RELIES_ON]-(x:Platform)
            RETURN x.name AS answer`,
  },
};

describe("the sample questions, answered with Cypher against the seeded Neo4j", () => {
  let driver: Driver;
  const config = loadConfig({ ...process.env, NODE_ENV: "test" });

  beforeAll(() => {
    driver = neo4j.driver(
      boltUri(config),
      neo4j.auth.basic(config.neo4jUser, config.neo4jPassword),
    );
  });
  afterAll(async () => {
    await driver.close();
  });

  const questions = loadQuestions();

  it("has a query for every sample question", () => {
    expect(Object.keys(CYPHER).sort()).toEqual(questions.map((q) => q.id).sort());
  });

  for (const question of questions) {
    it(`answers ${question.id}: ${question.question_zh}`, async () => {
      const cypher = CYPHER[question.id];
      if (cypher === undefined) throw new Error(`no query for ${question.id}`);
      const { records } = await driver.executeQuery(cypher.query, cypher.params ?? {}, {
        database: config.neo4jDatabase,
      });
      const values = records.map((record) => {
        const value: unknown = record.get("answer");
        return neo4j.isInt(value) ? value.toNumber() : value;
      });
      const expected = expectedAnswer(question);
      if (typeof expected === "number") {
        expect(values).toEqual([expected]);
      } else {
        expect(values.map(String).sort()).toEqual(expected);
      }
    });
  }
});
