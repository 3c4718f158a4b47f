import { graphql, type GraphQLSchema } from "graphql";
import neo4j, { type Driver } from "neo4j-driver";
import type { Config } from "../../src/config";
import { Database } from "../../src/db/database";
import { createContext } from "../../src/graphql/context";
import { createSchema } from "../../src/graphql/schema";
import { createLogger } from "../../src/logger";
import type { TargetProcess } from "./children";
import { drive, floorOk, graphqlOk, type LoadResult } from "./load";
import type { Operation } from "./ops";
import { peerSchema } from "./peer";
import { cpuMsOf, perRequest } from "./process-cpu";

export interface Verification {
  /** Database round trips of one request through our resolvers (ctx.counter). */
  readonly roundTrips: number;
  readonly peerRoundTrips: number | null;
  readonly oursErrors: readonly string[];
  /** Whether the floor's (and the peer's) answer reduces to ours; null when not compared. */
  readonly sameAsFloor: boolean;
  readonly sameAsPeer: boolean | null;
  readonly detail: { ours: unknown; floor: unknown; peer: unknown };
}

/**
 * Runs every operation once, outside the load, in this process: through our schema with a fresh
 * request context (so `ctx.counter` gives the round trips, as test/graphql/round-trips.test.ts
 * does), through the floor's Cypher and through the peer's schema with a driver that counts its
 * sessions. Then it checks that the three answers agree.
 */
export class Verifier {
  private constructor(
    private readonly db: Database,
    private readonly driver: Driver,
    private readonly ours: GraphQLSchema,
    private readonly peer: GraphQLSchema,
    private readonly peerSessions: { count: number },
    private readonly config: Config,
  ) {}

  static async create(config: Config, boltUri: string): Promise<Verifier> {
    const db = Database.connect(config);
    const driver = neo4j.driver(boltUri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), {
      disableLosslessIntegers: true,
    });
    const peerSessions = { count: 0 };
    // @neo4j/graphql opens one session per root field it translates; counting them gives its round
    // trips without touching the library.
    const counting = new Proxy(driver, {
      get(target, property, receiver) {
        if (property === "session") {
          return (...args: Parameters<Driver["session"]>) => {
            peerSessions.count += 1;
            return target.session(...args);
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === "function" ? (value as () => unknown).bind(target) : value;
      },
    });
    return new Verifier(
      db,
      driver,
      await createSchema(),
      await peerSchema(counting),
      peerSessions,
      config,
    );
  }

  async verify(op: Operation): Promise<Verification> {
    const logger = createLogger({ ...this.config, logLevel: "silent" });
    const context = createContext(this.db, logger, "bench");
    const ours = await graphql({ schema: this.ours, source: op.ours, contextValue: context });
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ });
    let floorRows: Record<string, unknown>[];
    try {
      const result = await session.executeRead((tx) => tx.run(op.floor.cypher, op.floor.params));
      floorRows = result.records.map((record) => record.toObject());
    } finally {
      await session.close();
    }
    let peer: unknown = null;
    let peerRoundTrips: number | null = null;
    if (op.peer !== null) {
      this.peerSessions.count = 0;
      const result = await graphql({ schema: this.peer, source: op.peer, contextValue: {} });
      if (result.errors !== undefined) {
        throw new Error(`peer ${op.name}: ${result.errors.map((e) => e.message).join("; ")}`);
      }
      peer = op.projectPeer(result.data);
      peerRoundTrips = this.peerSessions.count;
    }
    const projectedOurs = op.projectOurs(ours.data);
    const projectedFloor = op.projectFloor(floorRows);
    const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
    return {
      roundTrips: context.counter.count,
      peerRoundTrips,
      oursErrors: (ours.errors ?? []).map((e) => e.message),
      sameAsFloor: same(projectedOurs, projectedFloor),
      sameAsPeer: op.peer === null ? null : same(projectedOurs, peer),
      detail: { ours: projectedOurs, floor: projectedFloor, peer },
    };
  }

  async close(): Promise<void> {
    await this.db.close();
    await this.driver.close();
  }
}

export interface LoadSettings {
  readonly connections: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly maxRequests: number;
}

export interface TargetRun extends LoadResult {
  readonly rssMb: number;
  readonly peakRssMb: number;
  /** The target process's CPU per request during the measured run, in ms (null without /proc). */
  readonly cpuMs: number | null;
  /** Neo4j's CPU per request of this target during the run, in ms (null when its pid is unknown). */
  readonly neo4jCpuMs: number | null;
}

/** The URL and body that ask a target for an operation. */
export function request(
  target: TargetProcess,
  op: Operation,
): { url: string; body: string } | null {
  const base = `http://127.0.0.1:${target.port}`;
  switch (target.target) {
    case "ours":
      return { url: `${base}/graphql`, body: JSON.stringify({ query: op.ours }) };
    case "floor":
      return { url: `${base}/op/${op.name}`, body: "{}" };
    case "peer":
      return op.peer === null
        ? null
        : { url: `${base}/graphql`, body: JSON.stringify({ query: op.peer }) };
  }
}

/**
 * The size of a target's answer to an operation: its bytes and how many entity ids it names (a
 * latency that grows with the graph means something else when the answer grew with it).
 */
export async function answerSize(
  target: TargetProcess,
  op: Operation,
): Promise<{ ids: number; kb: number } | null> {
  const req = request(target, op);
  if (req === null) return null;
  const response = await fetch(req.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: req.body,
  });
  const text = await response.text();
  return {
    ids: text.match(/"id":/g)?.length ?? 0,
    kb: Math.round(Buffer.byteLength(text) / 102.4) / 10,
  };
}

/**
 * Warms a target up on an operation, then drives it; null when the target can't express it. With
 * Neo4j's pid, the run reports its CPU per request too (besides the target's own).
 */
export async function loadTarget(
  target: TargetProcess,
  op: Operation,
  settings: LoadSettings,
  neo4jPid?: number,
): Promise<TargetRun | null> {
  const req = request(target, op);
  if (req === null) return null;
  const verify = target.target === "floor" ? floorOk : graphqlOk;
  const common = { ...req, connections: settings.connections, verify };
  await drive({
    ...common,
    durationSeconds: settings.warmupSeconds,
    maxRequests: settings.maxRequests,
  });
  await target.memory(true);
  const before = { own: cpuMsOf(target.pid), neo4j: cpuMsOf(neo4jPid) };
  const result = await drive({
    ...common,
    durationSeconds: settings.durationSeconds,
    maxRequests: settings.maxRequests,
  });
  const after = { own: cpuMsOf(target.pid), neo4j: cpuMsOf(neo4jPid) };
  const memory = await target.memory();
  if (result.firstError !== undefined) {
    process.stdout.write(`  ${target.target} ${op.name} error: ${result.firstError}\n`);
  }
  return {
    ...result,
    rssMb: Math.round(memory.rss / 2 ** 20),
    peakRssMb: Math.round(memory.peak / 2 ** 20),
    cpuMs: perRequest(before.own, after.own, result.requests),
    neo4jCpuMs: perRequest(before.neo4j, after.neo4j, result.requests),
  };
}
