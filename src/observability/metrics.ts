import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** One finished HTTP request to /graphql, as the request log sees it. */
export interface RequestObservation {
  readonly operationName: string | null;
  readonly status: number;
  readonly durationMs: number;
  readonly errorCodes: readonly string[];
  readonly timedOut: boolean;
}

/**
 * Prometheus metrics of one app, in its own Registry: several apps in one process (tests) never
 * share or collide on series. Label values a client chooses (operation names) are bounded.
 */
export interface Metrics {
  readonly registry: Registry;
  observeRequest(observation: RequestObservation): void;
  queryStarted(): void;
  queryEnded(name: string, durationMs: number, ok: boolean): void;
}

const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const ERROR_CODE = /^[A-Z][A-Z_]{0,47}$/;

/**
 * Keeps the operation-name label set bounded: a client can send any name, and every new label
 * value is a new series held in memory for the life of the process.
 */
export class BoundedLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly max: number) {}

  label(name: string | null): string {
    if (name === null || name === "") return "anonymous";
    if (!OPERATION_NAME.test(name)) return "invalid";
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.max) return "other";
    this.seen.add(name);
    return name;
  }
}

/** Creates the metrics of one app, Node's default metrics included. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const operations = new BoundedLabels(MAX_OPERATION_LABELS);

  const requests = new Counter({
    name: "graphql_requests_total",
    help: "GraphQL HTTP requests, by operation name and HTTP status.",
    labelNames: ["operation", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "graphql_request_duration_seconds",
    help: "Time from receiving a GraphQL HTTP request to finishing its response, by operation name.",
    labelNames: ["operation"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const errors = new Counter({
    name: "graphql_errors_total",
    help: "Errors returned to clients, by extensions.code.",
    labelNames: ["code"] as const,
    registers: [registry],
  });
  const deadlines = new Counter({
    name: "graphql_deadline_exceeded_total",
    help: "Requests answered SERVICE_UNAVAILABLE because their deadline (REQUEST_TIMEOUT_MS) passed.",
    registers: [registry],
  });
  const queries = new Histogram({
    name: "neo4j_query_duration_seconds",
    help: "Neo4j round trips by query name (cypher/ file name) and outcome, session open to close.",
    labelNames: ["query", "outcome"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: "neo4j_sessions_in_flight",
    help: "Neo4j sessions open right now; the driver exposes no public pool metrics, so this is the pool use the service can see.",
    registers: [registry],
  });

  return {
    registry,
    observeRequest(observation) {
      const operation = operations.label(observation.operationName);
      requests.inc({ operation, status: String(observation.status) });
      duration.observe({ operation }, observation.durationMs / 1000);
      for (const code of observation.errorCodes) {
        errors.inc({ code: ERROR_CODE.test(code) ? code : "OTHER" });
      }
      if (observation.timedOut) deadlines.inc();
    },
    queryStarted() {
      inFlight.inc();
    },
    queryEnded(name, durationMs, ok) {
      inFlight.dec();
      queries.observe({ query: name, outcome: ok ? "ok" : "error" }, durationMs / 1000);
    },
  };
}
