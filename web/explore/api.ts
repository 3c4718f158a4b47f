/**
 * The page's only door to the service: typed calls to the public GraphQL API (POST /graphql on the
 * page's own origin, as the CSP allows). Every operation the page runs is spelled out here or, for
 * the review queue, in review-api.ts, so the fields it depends on can be checked against
 * schema/schema.graphql in two places.
 */

/** How a relationship is known (schema EvidenceKind): imported ones cite a chain map, not a quote. */
export type EvidenceKind = "explicit" | "inferred" | "positional" | "curated" | "imported";

/** The source an imported fact cites: a chain map's source row and page (schema Citation). */
export interface Citation {
  readonly title: string;
  readonly issuer: string | null;
  readonly date: string | null;
  /** A URL or a file name, as the chain map wrote it: only an http(s) one may become a link. */
  readonly location: string;
  readonly page: string | null;
  readonly importSet: string;
  readonly sheet: string;
}

export interface EntityRef {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly nameEn: string | null;
}

export interface SearchHit extends EntityRef {
  readonly aliases: readonly string[];
}

export interface ViewNode extends EntityRef {
  readonly depth: number;
  readonly degree: number;
  readonly hasMore: boolean;
}

export interface ViewEdge {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly evidenceKind: EvidenceKind;
  readonly confidence: number;
  /** What an imported edge cites; null for the documents' edges. */
  readonly citation: Citation | null;
}

export interface GraphView {
  readonly nodes: readonly ViewNode[];
  readonly edges: readonly ViewEdge[];
  readonly truncated: boolean;
}

export interface EvidenceContext {
  readonly text: string;
  readonly quoteStart: number;
  readonly quoteEnd: number;
}

export interface Evidence {
  readonly documentId: string;
  readonly documentTitle: string | null;
  readonly quote: string;
  readonly context: EvidenceContext | null;
}

export interface EdgeDetail extends ViewEdge {
  readonly evidence: readonly Evidence[];
}

export interface EntityDetail extends EntityRef {
  readonly aliases: readonly string[];
  readonly description: string | null;
  readonly evidence: readonly Evidence[];
  /** The sources an imported entity cites; empty for the documents' entities. */
  readonly citations: readonly Citation[];
}

export interface GraphPath {
  readonly length: number;
  readonly nodes: readonly EntityRef[];
  readonly hops: readonly ViewEdge[];
}

export interface Vocabulary {
  readonly kinds: readonly { kind: string; en: string; zh: string; description: string | null }[];
  readonly relationTypes: readonly {
    type: string;
    en: string;
    zh: string;
    description: string | null;
  }[];
}

export interface ChainItem {
  readonly entity: EntityRef;
  readonly roles: readonly string[];
  readonly members: readonly { role: string; entity: EntityRef }[];
}

export interface ChainStage {
  readonly key: "ROADMAPS" | "PROJECTS" | "INSTITUTIONS" | "CARRIERS" | "SUPPORT";
  readonly title: string;
  readonly empty: boolean;
  readonly truncated: boolean;
  readonly items: readonly ChainItem[];
}

export interface InnovationChain {
  readonly industry: EntityRef;
  readonly stages: readonly ChainStage[];
}

/**
 * A GraphQL or transport failure, with the server's `extensions.code` when it sent one and the
 * HTTP status (a refused key answers 401), so the page can say which of the two went wrong.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number = 200,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const ENDPOINT = "/graphql";

/** Counts requests in flight, so the page can show one loading indicator for all of them. */
let inFlight = 0;
const busyListeners: ((busy: boolean) => void)[] = [];

export function onBusyChange(listener: (busy: boolean) => void): void {
  busyListeners.push(listener);
}

function setInFlight(delta: number): void {
  inFlight += delta;
  for (const listener of busyListeners) listener(inFlight > 0);
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Runs one operation. `headers` carries credentials for the operations that need a role (the
 * review queue's editor key); the other calls send none.
 */
export async function request<T>(
  query: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
  headers: Record<string, string> = {},
): Promise<T> {
  setInFlight(1);
  try {
    const response = await fetch(ENDPOINT, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
      signal,
    });
    let body: GraphQLBody<T>;
    try {
      body = (await response.json()) as GraphQLBody<T>;
    } catch {
      throw new ApiError(
        `HTTP ${response.status} ${response.statusText}`,
        "HTTP_ERROR",
        response.status,
      );
    }
    const first = body.errors?.[0];
    if (first !== undefined)
      throw new ApiError(first.message, first.extensions?.code ?? "ERROR", response.status);
    if (body.data === undefined || body.data === null) {
      throw new ApiError(`HTTP ${response.status}: no data`, "HTTP_ERROR", response.status);
    }
    return body.data;
  } finally {
    setInFlight(-1);
  }
}

const ENTITY_REF = "id kind name nameEn";
const CITATION = "title issuer date location page importSet sheet";
const EDGE = `id type source target evidenceKind confidence citation { ${CITATION} }`;
const EVIDENCE = "documentId documentTitle quote context { text quoteStart quoteEnd }";

export async function search(query: string, signal: AbortSignal): Promise<SearchHit[]> {
  const data = await request<{ search: { edges: { node: SearchHit }[] } }>(
    `query Search($query: String!) { search(query: $query, first: 10) { edges { node { ${ENTITY_REF} aliases } score } } }`,
    { query },
    signal,
  );
  return data.search.edges.map((edge) => edge.node);
}

/** The neighbourhood of an entity; null when the id is unknown. */
export async function neighborhood(
  id: string,
  depth: number,
  limit: number,
): Promise<GraphView | null> {
  const data = await request<{ neighborhood: GraphView | null }>(
    `query Neighborhood($id: ID!, $depth: Int!, $limit: Int!) {
      neighborhood(id: $id, depth: $depth, limit: $limit) {
        nodes { ${ENTITY_REF} depth degree hasMore } edges { ${EDGE} } truncated
      }
    }`,
    { id, depth, limit },
  );
  return data.neighborhood;
}

export async function entity(id: string): Promise<EntityDetail | null> {
  const data = await request<{ entity: EntityDetail | null }>(
    `query Entity($id: ID!) { entity(id: $id) { ${ENTITY_REF} aliases description evidence { ${EVIDENCE} } citations { ${CITATION} } } }`,
    { id },
  );
  return data.entity;
}

export async function edge(id: string): Promise<EdgeDetail | null> {
  const data = await request<{ edge: EdgeDetail | null }>(
    `query Edge($id: ID!) { edge(id: $id) { ${EDGE} evidence { ${EVIDENCE} start end } } }`,
    { id },
  );
  return data.edge;
}

export async function paths(fromId: string, toId: string, maxHops: number): Promise<GraphPath[]> {
  const data = await request<{ paths: GraphPath[] }>(
    `query Paths($fromId: ID!, $toId: ID!, $maxHops: Int!) {
      paths(fromId: $fromId, toId: $toId, maxHops: $maxHops, limit: 10) {
        length nodes { ${ENTITY_REF} } hops { ${EDGE} }
      }
    }`,
    { fromId, toId, maxHops },
  );
  return data.paths;
}

export async function vocabulary(): Promise<Vocabulary> {
  const data = await request<{ vocabulary: Vocabulary }>(
    `query Vocabulary { vocabulary { kinds { kind en zh description } relationTypes { type en zh description } } }`,
    {},
  );
  return data.vocabulary;
}

export async function industries(): Promise<EntityRef[]> {
  const data = await request<{ industries: { nodes: EntityRef[] } }>(
    `query Industries { industries(first: 100) { nodes { id kind name nameEn } } }`,
    {},
  );
  return data.industries.nodes;
}

export async function innovationChain(industryId: string): Promise<InnovationChain | null> {
  const data = await request<{ innovationChain: InnovationChain | null }>(
    `query Chain($industryId: ID!) {
      innovationChain(industryId: $industryId, first: 20) {
        industry { ${ENTITY_REF} }
        stages { key title empty truncated items {
          entity { ${ENTITY_REF} } roles via { ${EDGE} } members { role entity { ${ENTITY_REF} } }
        } }
      }
    }`,
    { industryId },
  );
  return data.innovationChain;
}
