import { createHash } from "node:crypto";
import { DEFAULT_PATH_HUB_BOUND, DEFAULT_SEARCH_HIT_BOUND } from "../model/bounds";

/**
 * Configuration from environment variables, validated once at start. Every bad value produces one
 * line naming the variable, the value's problem and what is allowed; nothing starts until all are
 * good. The managed-Neo4j script (scripts/neo4j.ts), docker-compose.yml and the API share these
 * names and defaults.
 */

export const DEFAULTS = {
  NEO4J_USER: "neo4j",
  // A local development password for the project-managed Neo4j on loopback; set NEO4J_PASSWORD for
  // anything else.
  NEO4J_PASSWORD: "innovation-graph-local",
  NEO4J_DATABASE: "neo4j",
  NEO4J_BOLT_PORT: 7687,
  NEO4J_HEAP: "1g",
  NEO4J_PAGECACHE: "512m",
  NEO4J_TX_TIMEOUT_MS: 30_000,
  HOST: "127.0.0.1",
  PORT: 4000,
  REQUEST_TIMEOUT_MS: 15_000,
  NODE_ENV: "development",
  SEED_ON_START: true,
  LOG_LEVEL: "info",
  READS_REQUIRE_AUTH: false,
  MAX_QUERY_DEPTH: 12,
  MAX_ALIASES: 30,
  MAX_DIRECTIVES: 10,
  MAX_TOKENS: 2_000,
  MAX_QUERY_COST: 20_000,
  MAX_BODY_BYTES: 102_400,
  PATH_HUB_BOUND: DEFAULT_PATH_HUB_BOUND,
  SEARCH_HIT_BOUND: DEFAULT_SEARCH_HIT_BOUND,
  METRICS_ENABLED: true,
  CORS_CREDENTIALS: false,
  CORS_MAX_AGE_S: 600,
} as const;

export type Role = "reader" | "editor" | "admin";
export const ROLES: readonly Role[] = ["reader", "editor", "admin"];

export interface ApiKey {
  readonly role: Role;
  /** sha256 of the key, hex: the key itself is not kept in memory longer than parsing. */
  readonly sha256: string;
  /** A short label for logs: the role and the first four characters of the hash. */
  readonly label: string;
}

export interface JwtSettings {
  /** HS256 shared secret (at least 32 characters); null when JWTs are verified by public key. */
  readonly secret: string | null;
  /** PEM public key for RS256 or ES256; null when a shared secret is used. */
  readonly publicKey: string | null;
  readonly issuer: string;
  readonly audience: string;
}

export type NodeEnv = "development" | "production" | "test";
export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

export interface Config {
  /** Bolt URI of an existing Neo4j; undefined means "start the project-managed Neo4j". */
  readonly neo4jUri: string | undefined;
  readonly neo4jUser: string;
  readonly neo4jPassword: string;
  readonly neo4jDatabase: string;
  /** Bolt port of the managed Neo4j (ignored when neo4jUri is set). */
  readonly neo4jBoltPort: number;
  readonly neo4jHeap: string;
  readonly neo4jPagecache: string;
  readonly neo4jTxTimeoutMs: number;
  readonly host: string;
  readonly port: number;
  readonly requestTimeoutMs: number;
  readonly nodeEnv: NodeEnv;
  readonly seedOnStart: boolean;
  readonly logLevel: LogLevel;
  /** Anonymous clients may read unless this is true; writes always need a role. */
  readonly readsRequireAuth: boolean;
  readonly apiKeys: readonly ApiKey[];
  /** null: JWTs are not accepted. */
  readonly jwt: JwtSettings | null;
  readonly maxQueryDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxQueryCost: number;
  readonly maxBodyBytes: number;
  /**
   * A path search follows only the first this many links of each type and direction of an end
   * that has more links than this, and says its answer is not exhaustive (pathSearch).
   */
  readonly pathHubBound: number;
  /** A search reads at most this many hits from each full-text index, best first (search). */
  readonly searchHitBound: number;
  /** Path of a JSON trusted-document list (sha256 → query); persisted queries stay off without it. */
  readonly trustedDocuments: string | null;
  readonly metricsEnabled: boolean;
  /**
   * Origins (scheme://host[:port]) whose browser pages may call the API: answered preflights and
   * Access-Control-Allow-Origin. The service's own origin needs no entry. Empty by default.
   */
  readonly corsOrigins: readonly string[];
  /** Whether allowed origins may send cookies and HTTP auth (Access-Control-Allow-Credentials). */
  readonly corsCredentials: boolean;
  /** How long a browser may cache a preflight answer, in seconds (Access-Control-Max-Age). */
  readonly corsMaxAgeS: number;
  /**
   * Apollo Sandbox as the landing page and GraphiQL at /graphiql, with schema introspection:
   * on outside production, off in production unless QUERY_EDITORS=true.
   */
  readonly queryEditors: boolean;
  /**
   * Run the warm-up operations (src/graphql/warm-up.ts) before answering, so Neo4j has planned
   * the queries a first user meets: on by default, off by default under NODE_ENV=test.
   */
  readonly warmUp: boolean;
}

/** The variable names the service reads; docker-compose.yml is tested against this list. */
export const CONFIG_VARIABLES = [
  "NEO4J_URI",
  "NEO4J_USER",
  "NEO4J_PASSWORD",
  "NEO4J_DATABASE",
  "NEO4J_BOLT_PORT",
  "NEO4J_HEAP",
  "NEO4J_PAGECACHE",
  "NEO4J_TX_TIMEOUT_MS",
  "HOST",
  "PORT",
  "REQUEST_TIMEOUT_MS",
  "NODE_ENV",
  "SEED_ON_START",
  "LOG_LEVEL",
  "READS_REQUIRE_AUTH",
  "API_KEYS",
  "JWT_SECRET",
  "JWT_PUBLIC_KEY",
  "JWT_ISSUER",
  "JWT_AUDIENCE",
  "MAX_QUERY_DEPTH",
  "MAX_ALIASES",
  "MAX_DIRECTIVES",
  "MAX_TOKENS",
  "MAX_QUERY_COST",
  "MAX_BODY_BYTES",
  "PATH_HUB_BOUND",
  "SEARCH_HIT_BOUND",
  "TRUSTED_DOCUMENTS",
  "METRICS_ENABLED",
  "CORS_ORIGINS",
  "CORS_CREDENTIALS",
  "CORS_MAX_AGE_S",
  "QUERY_EDITORS",
  "WARM_UP",
] as const;

export type ConfigVariable = (typeof CONFIG_VARIABLES)[number];
export type Env = Readonly<Partial<Record<string, string | undefined>>>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const URI_SCHEMES = ["neo4j:", "neo4j+s:", "neo4j+ssc:", "bolt:", "bolt+s:", "bolt+ssc:"];
const MEMORY_SIZE = /^[1-9][0-9]*[kmgKMG]$/;
const LOG_LEVELS: readonly LogLevel[] = [
  "fatal",
  "error",
  "warn",
  "info",
  "debug",
  "trace",
  "silent",
];
const NODE_ENVS: readonly NodeEnv[] = ["development", "production", "test"];

/**
 * Reads and validates the configuration.
 * @throws ConfigError listing every bad variable, one line each.
 * @example loadConfig({ PORT: "4100" }).port === 4100
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const raw = (name: ConfigVariable): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === "" ? undefined : value.trim();
  };

  const integer = (name: ConfigVariable, fallback: number, min: number, max: number): number => {
    const value = raw(name);
    if (value === undefined) return fallback;
    if (!/^[0-9]+$/.test(value) || Number(value) < min || Number(value) > max) {
      problems.push(`${name}="${value}" must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return Number(value);
  };

  const oneOf = <T extends string>(name: ConfigVariable, fallback: T, allowed: readonly T[]): T => {
    const value = raw(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      problems.push(`${name}="${value}" must be one of: ${allowed.join(", ")}`);
      return fallback;
    }
    return value as T;
  };

  const memory = (name: ConfigVariable, fallback: string): string => {
    const value = raw(name);
    if (value === undefined) return fallback;
    if (!MEMORY_SIZE.test(value)) {
      problems.push(`${name}="${value}" must be a size such as 512m or 1g`);
      return fallback;
    }
    return value.toLowerCase();
  };

  const neo4jUri = raw("NEO4J_URI");
  if (neo4jUri !== undefined && !URI_SCHEMES.some((scheme) => neo4jUri.startsWith(`${scheme}//`))) {
    problems.push(
      `NEO4J_URI="${neo4jUri}" must start with neo4j://, neo4j+s://, bolt:// or bolt+s:// (for example neo4j://localhost:7687)`,
    );
  }

  const flag = (name: ConfigVariable, fallback: boolean): boolean =>
    oneOf(name, fallback ? "true" : "false", ["true", "false"]) === "true";
  const seedOnStart = flag("SEED_ON_START", DEFAULTS.SEED_ON_START);
  const nodeEnv = oneOf("NODE_ENV", DEFAULTS.NODE_ENV, NODE_ENVS);

  const config: Config = {
    neo4jUri,
    neo4jUser: raw("NEO4J_USER") ?? DEFAULTS.NEO4J_USER,
    neo4jPassword: env.NEO4J_PASSWORD ?? DEFAULTS.NEO4J_PASSWORD,
    neo4jDatabase: raw("NEO4J_DATABASE") ?? DEFAULTS.NEO4J_DATABASE,
    neo4jBoltPort: integer("NEO4J_BOLT_PORT", DEFAULTS.NEO4J_BOLT_PORT, 1, 65535),
    neo4jHeap: memory("NEO4J_HEAP", DEFAULTS.NEO4J_HEAP),
    neo4jPagecache: memory("NEO4J_PAGECACHE", DEFAULTS.NEO4J_PAGECACHE),
    neo4jTxTimeoutMs: integer("NEO4J_TX_TIMEOUT_MS", DEFAULTS.NEO4J_TX_TIMEOUT_MS, 100, 3_600_000),
    host: raw("HOST") ?? DEFAULTS.HOST,
    port: integer("PORT", DEFAULTS.PORT, 0, 65535),
    requestTimeoutMs: integer("REQUEST_TIMEOUT_MS", DEFAULTS.REQUEST_TIMEOUT_MS, 100, 600_000),
    nodeEnv,
    seedOnStart,
    logLevel: oneOf("LOG_LEVEL", DEFAULTS.LOG_LEVEL, LOG_LEVELS),
    readsRequireAuth: flag("READS_REQUIRE_AUTH", DEFAULTS.READS_REQUIRE_AUTH),
    apiKeys: parseApiKeys(raw("API_KEYS"), problems),
    jwt: parseJwt(env, problems),
    maxQueryDepth: integer("MAX_QUERY_DEPTH", DEFAULTS.MAX_QUERY_DEPTH, 2, 100),
    maxAliases: integer("MAX_ALIASES", DEFAULTS.MAX_ALIASES, 1, 1_000),
    maxDirectives: integer("MAX_DIRECTIVES", DEFAULTS.MAX_DIRECTIVES, 0, 1_000),
    maxTokens: integer("MAX_TOKENS", DEFAULTS.MAX_TOKENS, 50, 100_000),
    maxQueryCost: integer("MAX_QUERY_COST", DEFAULTS.MAX_QUERY_COST, 10, 10_000_000),
    maxBodyBytes: integer("MAX_BODY_BYTES", DEFAULTS.MAX_BODY_BYTES, 1_024, 10_485_760),
    pathHubBound: integer("PATH_HUB_BOUND", DEFAULTS.PATH_HUB_BOUND, 1, 1_000_000),
    searchHitBound: integer("SEARCH_HIT_BOUND", DEFAULTS.SEARCH_HIT_BOUND, 1, 100_000),
    trustedDocuments: raw("TRUSTED_DOCUMENTS") ?? null,
    metricsEnabled: flag("METRICS_ENABLED", DEFAULTS.METRICS_ENABLED),
    corsOrigins: parseOrigins(raw("CORS_ORIGINS"), problems),
    corsCredentials: flag("CORS_CREDENTIALS", DEFAULTS.CORS_CREDENTIALS),
    corsMaxAgeS: integer("CORS_MAX_AGE_S", DEFAULTS.CORS_MAX_AGE_S, 0, 86_400),
    queryEditors: flag("QUERY_EDITORS", nodeEnv !== "production"),
    warmUp: flag("WARM_UP", nodeEnv !== "test"),
  };

  if (config.neo4jPassword.length < 8) {
    problems.push("NEO4J_PASSWORD must be at least 8 characters (Neo4j refuses shorter passwords)");
  }
  if (!/^[A-Za-z][A-Za-z0-9.-]{0,62}$/.test(config.neo4jDatabase)) {
    problems.push(
      `NEO4J_DATABASE="${config.neo4jDatabase}" must be a Neo4j database name (letters, digits, dots, dashes)`,
    );
  }

  if (problems.length > 0) {
    // In the documented order of the variables, whatever order they were checked in.
    const rank = (problem: string): number =>
      CONFIG_VARIABLES.findIndex((name) => problem.startsWith(name));
    throw new ConfigError([...problems].sort((a, b) => rank(a) - rank(b)));
  }
  return config;
}

/**
 * API_KEYS is a comma-separated list of role:key pairs, e.g. `editor:k3y-of-at-least-16-chars`.
 * Only the sha256 of each key is kept.
 */
function parseApiKeys(value: string | undefined, problems: string[]): ApiKey[] {
  if (value === undefined) return [];
  const keys: ApiKey[] = [];
  for (const entry of value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")) {
    const colon = entry.indexOf(":");
    const role = entry.slice(0, colon);
    const key = entry.slice(colon + 1);
    if (colon < 0 || !(ROLES as readonly string[]).includes(role) || key.length < 16) {
      problems.push(
        "API_KEYS must be a comma-separated list of role:key with role reader, editor or admin and keys of at least 16 characters",
      );
      return [];
    }
    const sha256 = createHash("sha256").update(key).digest("hex");
    keys.push({ role: role as Role, sha256, label: `${role}:${sha256.slice(0, 4)}` });
  }
  return keys;
}

/**
 * CORS_ORIGINS is a comma-separated list of exact origins, e.g.
 * `https://a.example,http://localhost:5173`: a scheme, a host and an optional port, nothing else
 * (no path, no wildcard: an allow-list that says exactly who may call).
 */
function parseOrigins(value: string | undefined, problems: string[]): string[] {
  if (value === undefined) return [];
  const origins: string[] = [];
  for (const entry of value.split(",").map((part) => part.trim())) {
    if (entry === "") continue;
    let origin: string | null = null;
    try {
      const url = new URL(entry);
      if (
        (url.protocol === "http:" || url.protocol === "https:") &&
        url.origin === entry.replace(/\/$/, "")
      ) {
        origin = url.origin;
      }
    } catch {
      origin = null;
    }
    if (origin === null) {
      problems.push(
        `CORS_ORIGINS="${value}" must be a comma-separated list of origins such as https://a.example or http://localhost:5173 (scheme, host and port only; "${entry}" is not one)`,
      );
      return [];
    }
    origins.push(origin);
  }
  return origins;
}

function parseJwt(env: Env, problems: string[]): JwtSettings | null {
  const secret = env.JWT_SECRET?.trim() || null;
  const publicKey = env.JWT_PUBLIC_KEY?.trim() || null;
  if (secret === null && publicKey === null) return null;
  if (secret !== null && publicKey !== null) {
    problems.push("JWT_SECRET and JWT_PUBLIC_KEY are exclusive: set one");
    return null;
  }
  if (secret !== null && secret.length < 32) {
    problems.push("JWT_SECRET must be at least 32 characters");
  }
  if (publicKey !== null && !publicKey.includes("BEGIN PUBLIC KEY")) {
    problems.push("JWT_PUBLIC_KEY must be a PEM public key (-----BEGIN PUBLIC KEY-----)");
  }
  const issuer = env.JWT_ISSUER?.trim();
  const audience = env.JWT_AUDIENCE?.trim();
  if (issuer === undefined || issuer === "")
    problems.push("JWT_ISSUER must be set when JWTs are accepted");
  if (audience === undefined || audience === "")
    problems.push("JWT_AUDIENCE must be set when JWTs are accepted");
  return { secret, publicKey, issuer: issuer ?? "", audience: audience ?? "" };
}

/** The Bolt URI to connect to: the configured one, or the managed Neo4j's on loopback. */
export function boltUri(config: Config): string {
  // The managed Neo4j is one local server: bolt:// skips the routing-table work of neo4j://
  // (a large share of a small read's time on loopback: bench/RESULTS.md). A configured URI is
  // used as given.
  return config.neo4jUri ?? `bolt://127.0.0.1:${config.neo4jBoltPort}`;
}
