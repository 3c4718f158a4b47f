/**
 * The benchmarked operations, each three ways: our GraphQL API, the floor (one hand-written Cypher
 * query giving the same answer through neo4j-driver, no GraphQL) and, where it can express it, the
 * peer (@neo4j/graphql 7 over the same data). `project*` reduce each answer to the same canonical
 * shape so a verifying pass can check that the three really answer the same question.
 */

import { cypher } from "../../src/db/cypher";
import { RELATION_TYPES } from "../../src/model/vocabulary";
import { foldQuery, searchTerms, toLuceneQuery } from "../../src/services/search.service";

/** The ids and strings an operation is anchored on; the seeded graph and each synthetic one differ. */
export interface Anchors {
  readonly resolveName: string;
  readonly searchQuery: string;
  /** A district whose co-built entities (and their universities) are read two levels deep. */
  readonly districtId: string;
  readonly neighborhoodId: string;
  readonly pathFrom: string;
  readonly pathTo: string;
  readonly industryId: string;
}

export const SEED_ANCHORS: Anchors = {
  resolveName: "电子科大",
  searchQuery: "研究院",
  districtId: "shuangliu-county",
  neighborhoodId: "jinjiang-district",
  pathFrom: "uestc",
  pathTo: "shuangliu-county",
  industryId: "industry-automobile",
};

/**
 * More anchors on the seeded graph, for the mixed workload (bench/mixed.ts): each operation is asked
 * about several entities, names and terms, so no one answer is all Neo4j's caches see. The first is
 * SEED_ANCHORS.
 */
export const SEED_ANCHOR_SETS: readonly Anchors[] = [
  SEED_ANCHORS,
  {
    resolveName: "西南交大",
    searchQuery: "成都",
    districtId: "jinjiang-district",
    neighborhoodId: "chengdu",
    pathFrom: "swjtu",
    pathTo: "jinjiang-district",
    industryId: "industry-rail-transit",
  },
  {
    resolveName: "川大",
    searchQuery: "大学",
    districtId: "shuangliu-county",
    neighborhoodId: "industrial-cluster-projects",
    pathFrom: "scu",
    pathTo: "chengdu",
    industryId: "industry-organic-agri-products",
  },
  {
    resolveName: "北大",
    searchQuery: "产业",
    districtId: "jinjiang-district",
    neighborhoodId: "universities-and-institutes",
    pathFrom: "cuit",
    pathTo: "shuangliu-county",
    industryId: "industry-cybersecurity",
  },
];

type Json = unknown;
type Record_ = Record<string, unknown>;

export interface Operation {
  readonly name: string;
  readonly ours: string;
  readonly floor: { readonly cypher: string; readonly params: Record_ };
  /** null: the peer cannot express it without hand-written Cypher (@cypher), i.e. the floor. */
  readonly peer: string | null;
  projectOurs(data: Json): Json;
  projectFloor(rows: readonly Record_[]): Json;
  projectPeer(data: Json): Json;
  /** Whether the operation nests relationships (the goal ours/peer rps >= 1.5 is about these). */
  readonly nested: boolean;
}

const obj = (value: unknown): Record_ =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record_) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string => (typeof value === "string" ? value : String(value));
const sorted = (values: readonly string[]): string[] => [...values].sort();
const ids = (values: readonly unknown[]): string[] => sorted(values.map((v) => str(obj(v).id)));

/** Scores rounded, in rank order: equal scores may list different ids at the page's edge. */
const scores = (hits: readonly unknown[]): number[] =>
  hits.map((h) => Number(Number(obj(h).score).toFixed(4)));

export function operations(a: Anchors): Operation[] {
  const nameKey = a.resolveName.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  return [
    {
      name: "resolve",
      nested: false,
      ours: `query { resolve(name: ${JSON.stringify(a.resolveName)}) { id kind name nameEn nameInferred aliases } }`,
      floor: {
        cypher: `MATCH (:NameForm {key: $key})-[:NAMES]->(n:Entity)
RETURN n {.id, .kind, .name, .nameEn, .nameInferred, .aliases} AS n
ORDER BY n.id`,
        params: { key: nameKey },
      },
      peer: `query { nameForms(where: { key: { eq: ${JSON.stringify(nameKey)} } }) { names { id kind name nameEn aliases } } }`,
      projectOurs: (d) => ids(list(obj(d).resolve)),
      projectFloor: (rows) => ids(rows.map((r) => r.n)),
      projectPeer: (d) => ids(list(obj(d).nameForms).flatMap((f) => list(obj(f).names))),
    },
    {
      name: "search",
      nested: false,
      ours: `query { search(query: ${JSON.stringify(a.searchQuery)}, first: 10) { totalCount edges { score node { id kind name } } } }`,
      // The floor asks what search-entities.cypher asks, with the service's own Lucene query,
      // exact form and terms computed once here: the best 1,000 hits (SEARCH_HIT_BOUND's default)
      // by name forms and by relationship properties, each entity once with its best score, exact
      // names first.
      floor: {
        cypher: `CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: 1000}) YIELD node, score
  RETURN node AS entity, score
  UNION ALL
  CALL db.index.fulltext.queryRelationships('relation_props_2', $query, {limit: 1000})
    YIELD relationship, score
  UNWIND [startNode(relationship), endNode(relationship)] AS entity
  RETURN entity, score
}
WITH entity, max(score) AS score
WHERE entity:Entity
WITH entity, score,
  [form IN [entity.name, coalesce(entity.nameEn, '')] + coalesce(entity.aliases, []) | toLower(form)] AS forms
ORDER BY $exact IN forms DESC, any(term IN $terms WHERE term IN forms) DESC, score DESC, entity.id
WITH collect(entity {.id, .kind, .name, score: score}) AS hits
RETURN size(hits) AS total, hits[0..10] AS page`,
        params: {
          query: toLuceneQuery(a.searchQuery),
          exact: foldQuery(a.searchQuery).trim(),
          terms: searchTerms(a.searchQuery),
        },
      },
      // The peer's full-text field reads the name index only, and cannot rank exact names first
      // or search relationship properties without hand-written Cypher (@cypher: the floor).
      peer: null,
      projectOurs: (d) => {
        const s = obj(obj(d).search);
        return { total: s.totalCount, scores: scores(list(s.edges)) };
      },
      projectFloor: (rows) => ({ total: rows[0]?.total, scores: scores(list(rows[0]?.page)) }),
      projectPeer: () => null,
    },
    {
      name: "entity-2-levels",
      nested: true,
      ours: `query { entity(id: ${JSON.stringify(a.districtId)}) { id name ... on District { coBuilt(first: 100) { node { id name ... on ResearchInstitute { universities(first: 5) { node { id name } } } } } } } }`,
      floor: {
        cypher: `MATCH (d:Entity {id: $id})
CALL (d) {
  OPTIONAL MATCH (d)-[:CO_BUILT]->(x:Entity)
  WITH x
  ORDER BY x.name, x.id
  LIMIT 100
  CALL (x) {
    OPTIONAL MATCH (x:ResearchInstitute)-[:AFFILIATED_WITH]->(u:Entity)
    WITH u
    ORDER BY u.name, u.id
    LIMIT 5
    RETURN collect(u {.id, .name}) AS universities
  }
  RETURN collect(x {.id, .name, universities: universities}) AS coBuilt
}
RETURN d {.id, .name, coBuilt: coBuilt} AS d`,
        params: { id: a.districtId },
      },
      peer: `query { districts(where: { id: { eq: ${JSON.stringify(a.districtId)} } }) { id name coBuilt(limit: 100, sort: [{ name: ASC }]) { id name ... on ResearchInstitute { university(limit: 5, sort: [{ name: ASC }]) { id name } } } } }`,
      projectOurs: (d) => {
        const e = obj(obj(d).entity);
        return list(e.coBuilt)
          .map((rel) => {
            const n = obj(obj(rel).node);
            return `${str(n.id)}>${ids(list(n.universities).map((u) => obj(u).node)).join(",")}`;
          })
          .sort();
      },
      projectFloor: (rows) =>
        list(obj(rows[0]?.d).coBuilt)
          .map((x) => `${str(obj(x).id)}>${ids(list(obj(x).universities)).join(",")}`)
          .sort(),
      projectPeer: (d) =>
        list(obj(list(obj(d).districts)[0]).coBuilt)
          .map((x) => `${str(obj(x).id)}>${ids(list(obj(x).university)).join(",")}`)
          .sort(),
    },
    {
      name: "neighborhood-2",
      nested: false,
      ours: `query { neighborhood(id: ${JSON.stringify(a.neighborhoodId)}, depth: 2, limit: 100) { nodes { id name kind } edges { id type source target } truncated } }`,
      // Our breadth-first walk keeps the edges of the start and of its first ring whose far end is
      // within the node limit (the first 100 found, in the order neighborhood.cypher reads them:
      // type, outgoing first, the relationship's sort key for its direction).
      floor: {
        cypher: `MATCH (s:Entity {id: $id})
CALL (s) {
  OPTIONAL MATCH (s)-[r]-(m:Entity)
  WITH r, m, startNode(r) = s AS out
  ORDER BY type(r), CASE WHEN out THEN 0 ELSE 1 END, CASE WHEN out THEN r.outKey ELSE r.inKey END
  LIMIT 400
  RETURN collect(DISTINCT m) AS ring1, collect(r) AS rels1
}
WITH s, [m IN ring1 WHERE m <> s][..99] AS ring1, rels1
CALL (s, ring1) {
  UNWIND ring1 AS f
  MATCH (f)-[r]-(m:Entity)
  WITH f, r, m, startNode(r) = f AS out
  ORDER BY f.id, type(r), CASE WHEN out THEN 0 ELSE 1 END, CASE WHEN out THEN r.outKey ELSE r.inKey END
  LIMIT 400
  RETURN collect(r) AS rels2, collect(m) AS ring2
}
WITH [s] + ring1 AS seen, rels1 + rels2 AS rels, ring2
WITH seen + [m IN ring2 WHERE NOT m IN seen] AS candidates, rels
WITH reduce(acc = [], m IN candidates | CASE WHEN m IN acc OR size(acc) >= 100 THEN acc ELSE acc + m END) AS nodes, rels
RETURN [n IN nodes | n {.id, .name, .kind}] AS nodes,
  [r IN rels WHERE startNode(r) IN nodes AND endNode(r) IN nodes | {id: r.id, type: type(r), source: startNode(r).id, target: endNode(r).id}] AS edges`,
        params: { id: a.neighborhoodId },
      },
      peer: null,
      projectOurs: (d) => {
        const n = obj(obj(d).neighborhood);
        return { nodes: ids(list(n.nodes)), edges: [...new Set(ids(list(n.edges)))] };
      },
      projectFloor: (rows) => ({
        nodes: ids(list(rows[0]?.nodes)),
        edges: [...new Set(ids(list(rows[0]?.edges)))],
      }),
      projectPeer: () => null,
    },
    {
      name: "paths",
      nested: false,
      ours: `query { paths(fromId: ${JSON.stringify(a.pathFrom)}, toId: ${JSON.stringify(a.pathTo)}, maxHops: 4) { length nodes { id name } hops { type source target evidenceKind } } }`,
      floor: {
        cypher: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..4]-(b))
WHERE all(r IN relationships(p) WHERE type(r) IN $types)
WITH p
LIMIT 10
RETURN [n IN nodes(p) | n {.id, .name}] AS nodes,
  [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id, evidenceKind: r.evidenceKind}] AS hops`,
        params: { from: a.pathFrom, to: a.pathTo, types: RELATION_TYPES },
      },
      peer: null,
      projectOurs: (d) =>
        list(obj(d).paths)
          .map((p) => ids(list(obj(p).nodes)).join(">"))
          .sort(),
      projectFloor: (rows) => rows.map((r) => ids(list(r.nodes)).join(">")).sort(),
      projectPeer: () => null,
    },
    {
      name: "innovation-chain",
      nested: true,
      ours: `query { innovationChain(industryId: ${JSON.stringify(a.industryId)}) { industry { id name } stages { key empty items { entity { id name } roles members { role entity { id name } } via { type source target } } } } }`,
      // One query: the service's chain query, each item reduced to its id, name, role, parent and
      // the endpoints of its relationships (the service's query also reads records and evidence).
      floor: {
        cypher: cypher("innovation-chain").replace(
          /RETURN collect\(\{\n[\s\S]*$/,
          `RETURN collect({id: item.x.id, name: item.x.name, role: item.role, parent: item.parent,
    via: [r IN item.rels | {type: type(r), source: startNode(r).id, target: endNode(r).id}]}) AS items
}
UNWIND items AS item
RETURN item.id AS id, item.name AS name, item.role AS role, item.parent AS parent, item.via AS via
`,
        ),
        params: { industryId: a.industryId, first: 100, hiddenEntities: [], hiddenRels: [] },
      },
      peer: null,
      projectOurs: (d) => {
        const stages = list(obj(obj(d).innovationChain).stages);
        return sorted([
          ...new Set(
            stages.flatMap((s) =>
              list(obj(s).items).flatMap((item) => [
                str(obj(obj(item).entity).id),
                ...list(obj(item).members).map((m) => str(obj(obj(m).entity).id)),
              ]),
            ),
          ),
        ]);
      },
      projectFloor: (rows) => sorted([...new Set(rows.map((r) => str(r.id)))]),
      projectPeer: () => null,
    },
    {
      name: "list-page",
      nested: false,
      ours: `query { universities(first: 20) { totalCount nodes { id name } pageInfo { hasNextPage endCursor } } }`,
      floor: {
        cypher: `MATCH (n:University)
WITH count(n) AS total
CALL () {
  MATCH (n:University)
  RETURN n
  ORDER BY n.name, n.id
  LIMIT 21
}
RETURN total, collect(n {.id, .name}) AS page`,
        params: {},
      },
      peer: `query { universitiesConnection(first: 20, sort: [{ name: ASC }, { id: ASC }]) { totalCount edges { node { id name } } pageInfo { hasNextPage endCursor } } }`,
      projectOurs: (d) => {
        const u = obj(obj(d).universities);
        return { total: u.totalCount, ids: list(u.nodes).map((n) => str(obj(n).id)) };
      },
      projectFloor: (rows) => ({
        total: rows[0]?.total,
        ids: list(rows[0]?.page)
          .slice(0, 20)
          .map((n) => str(obj(n).id)),
      }),
      projectPeer: (d) => {
        const u = obj(obj(d).universitiesConnection);
        return { total: u.totalCount, ids: list(u.edges).map((e) => str(obj(obj(e).node).id)) };
      },
    },
    {
      name: "nested-list-3",
      nested: true,
      ours: `query { districts(first: 10) { nodes { id name ... on District { coBuilt(first: 20) { node { id name ... on ResearchInstitute { coBuilders(first: 10) { node { id name } } } } } } } } }`,
      floor: {
        cypher: `MATCH (d:District)
WITH d
ORDER BY d.name, d.id
LIMIT 10
CALL (d) {
  OPTIONAL MATCH (d)-[:CO_BUILT]->(x:Entity)
  WITH x
  ORDER BY x.name, x.id
  LIMIT 20
  CALL (x) {
    OPTIONAL MATCH (x:ResearchInstitute)<-[:CO_BUILT]-(b:Entity)
    WITH b
    ORDER BY b.name, b.id
    LIMIT 10
    RETURN collect(b {.id, .name}) AS builders
  }
  RETURN collect(x {.id, .name, builders: builders}) AS coBuilt
}
RETURN d {.id, .name, coBuilt: coBuilt} AS d`,
        params: {},
      },
      peer: `query { districts(limit: 10, sort: [{ name: ASC }, { id: ASC }]) { id name coBuilt(limit: 20, sort: [{ name: ASC }]) { id name ... on ResearchInstitute { coBuilders(limit: 10, sort: [{ name: ASC }]) { id name } } } } }`,
      projectOurs: (d) =>
        list(obj(obj(d).districts).nodes).map((n) =>
          list(obj(n).coBuilt)
            .map((rel) => {
              const x = obj(obj(rel).node);
              return `${str(x.id)}<${ids(list(x.coBuilders).map((b) => obj(b).node)).join(",")}`;
            })
            .sort(),
        ),
      projectFloor: (rows) =>
        rows.map((r) =>
          list(obj(r.d).coBuilt)
            .map((x) => `${str(obj(x).id)}<${ids(list(obj(x).builders)).join(",")}`)
            .sort(),
        ),
      projectPeer: (d) =>
        list(obj(d).districts).map((n) =>
          list(obj(n).coBuilt)
            .map((x) => `${str(obj(x).id)}<${ids(list(obj(x).coBuilders)).join(",")}`)
            .sort(),
        ),
    },
  ];
}
