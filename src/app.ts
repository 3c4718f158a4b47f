import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import express, { type NextFunction, type Request, type Response } from "express";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Config } from "./config";
import type { Database } from "./db/database";
import { createContext, type Context } from "./graphql/context";
import {
  createLimitsPlugin,
  createLimitsRule,
  createTrustedDocumentsPlugin,
  loadTrustedDocuments,
  NOT_IN_LIST,
  trustedDocumentStore,
  type QueryLimits,
} from "./graphql/limits";
import { createSchema } from "./graphql/schema";
import { warmUp, warmUpHubQueries } from "./graphql/warm-up";
import { createAuthenticator } from "./auth/authenticate";
import { bookmarkHeader, bookmarkPlugin, bookmarksOf } from "./http/bookmarks";
import { ANONYMOUS } from "./auth/principal";
import { createCors } from "./http/cors";
import { graphqlHandler } from "./http/graphql-handler";
import { landingPagePlugin } from "./http/landing-page";
import { servePage } from "./http/pages";
import { serveReports } from "./http/report";
import { AppError, UnauthenticatedError } from "./errors";
import type { Logger } from "./logger";
import type { ServiceSettings } from "./services";
import { createMetrics } from "./observability/metrics";
import { RequestScope, sendGraphQLError } from "./observability/request-scope";

export interface AppDeps {
  readonly config: Config;
  readonly db: Database;
  readonly logger: Logger;
}

export interface RunningApp {
  readonly url: string;
  readonly port: number;
  /**
   * Settles when the background warm-up of the queries past hubs has ended (at once without
   * WARM_UP); it never rejects.
   */
  readonly hubQueriesWarmed: Promise<void>;
  /** Stops accepting, lets in-flight requests finish, then resolves. Does not close the driver. */
  stop(): Promise<void>;
}

const SAFE_CODES = new Set([
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "SERVICE_UNAVAILABLE",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "CONFLICT",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  NOT_IN_LIST,
]);

const DID_YOU_MEAN = /\s*Did you mean .*\?$/s;

const ARGUMENT_VALUE_ERROR =
  /^(Value ".*" does not exist in ".*" enum|Enum ".*" cannot represent|Expected value of type|Int cannot represent|Float cannot represent|String cannot represent|ID cannot represent|Boolean cannot represent)/;

/**
 * Masks every error the service did not raise on purpose: clients see INTERNAL_SERVER_ERROR and a
 * fixed message, never a stack trace or Cypher text; the original is logged with the request id.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  logger: Logger,
  error?: unknown,
  options: { readonly hideSchemaDetails?: boolean } = {},
): GraphQLFormattedError {
  // Apollo hides suggestions in validation errors only; variable coercion errors still suggest
  // enum values ("Did you mean the enum value …?"), which reveal the schema in production too.
  if (options.hideSchemaDetails === true && DID_YOU_MEAN.test(formatted.message)) {
    formatted = { ...formatted, message: formatted.message.replace(DID_YOU_MEAN, "") };
  }
  let code = typeof formatted.extensions?.code === "string" ? formatted.extensions.code : undefined;
  // Apollo reports every validation-rule error as GRAPHQL_VALIDATION_FAILED; an out-of-range size
  // argument caught by the limits rule keeps the code the service gives it (BAD_USER_INPUT).
  if (
    code === "GRAPHQL_VALIDATION_FAILED" &&
    error instanceof GraphQLError &&
    error.originalError instanceof AppError
  ) {
    code = error.originalError.code;
    formatted = { ...formatted, extensions: { ...formatted.extensions, code } };
  }
  // A literal argument of the wrong value (an unknown enum value, a string for an Int) fails
  // validation; to a client it is bad input like any other, so it gets the same code.
  if (code === "GRAPHQL_VALIDATION_FAILED" && ARGUMENT_VALUE_ERROR.test(formatted.message)) {
    code = "BAD_USER_INPUT";
    formatted = { ...formatted, extensions: { ...formatted.extensions, code } };
  }
  if (code !== undefined && SAFE_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  logger.error({ err: formatted }, "masked internal error");
  return {
    message: "Internal server error",
    ...(formatted.path === undefined ? {} : { path: formatted.path }),
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}

/**
 * Body-parser failures on /graphql as GraphQL-shaped JSON (never Express's HTML page with a stack):
 * 413 PAYLOAD_TOO_LARGE past MAX_BODY_BYTES, 400 BAD_REQUEST for a body that is not JSON.
 */
function bodyErrors(maxBodyBytes: number, logger: Logger) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
    if (type === "entity.too.large") {
      sendGraphQLError(
        res,
        413,
        `The request body is larger than ${maxBodyBytes} bytes.`,
        "PAYLOAD_TOO_LARGE",
      );
    } else if (typeof type === "string" && typeof status === "number" && status < 500) {
      const message =
        type === "entity.parse.failed"
          ? "The request body is not valid JSON."
          : "The request body could not be read (its encoding or charset is not supported).";
      sendGraphQLError(res, 400, message, "BAD_REQUEST");
    } else {
      logger.error({ err: error }, "unexpected HTTP error");
      sendGraphQLError(res, 500, "Internal server error", "INTERNAL_SERVER_ERROR");
    }
  };
}

/**
 * Builds and starts the HTTP server: GraphQL at /graphql, /healthz, /readyz, /metrics, the pages
 * and the chain reports (/report/chain/…). Every GraphQL request passes the body limit, gets a
 * deadline, and has its shape checked (tokens, depth, aliases, directives, cost, size arguments)
 * before any resolver or database call.
 */
export async function startApp(deps: AppDeps): Promise<RunningApp> {
  const { config, logger } = deps;
  const production = config.nodeEnv === "production";
  const app = express();
  const httpServer = http.createServer(app);
  const schema = await createSchema();
  const authenticator = createAuthenticator(config);
  const trusted =
    config.trustedDocuments === null ? null : await loadTrustedDocuments(config.trustedDocuments);
  const metrics = config.metricsEnabled ? createMetrics() : null;
  const settings: ServiceSettings = {
    pathHubBound: config.pathHubBound,
    searchHitBound: config.searchHitBound,
  };
  const scope = new RequestScope({ requestTimeoutMs: config.requestTimeoutMs, logger, metrics });
  // Same driver; its round trips are timed for /metrics and refused past their request's deadline.
  const db = deps.db.withHooks(scope.queryHooks());
  const limits: QueryLimits = {
    maxDepth: config.maxQueryDepth,
    maxAliases: config.maxAliases,
    maxDirectives: config.maxDirectives,
    maxCost: config.maxQueryCost,
  };

  const plugins: ApolloServerPlugin<Context>[] = [
    ApolloServerPluginDrainHttpServer({ httpServer }),
    landingPagePlugin<Context>(config.queryEditors),
    // The graph sets no cache hints; Apollo's default cache-control plugin would still wrap every
    // field's resolver to compute them (its cost per request: bench/RESULTS.md).
    ApolloServerPluginCacheControlDisabled(),
    scope.plugin<Context>(),
    bookmarkPlugin<Context>(),
    createLimitsPlugin<Context>(limits),
    ...(production && trusted !== null ? [createTrustedDocumentsPlugin<Context>(trusted)] : []),
  ];

  const apollo = new ApolloServer<Context>({
    schema,
    plugins,
    nodeEnv: config.nodeEnv,
    // The query editors read the schema by introspection: on with them, off otherwise in production.
    introspection: !production || config.queryEditors,
    // No "Did you mean …?" suggestions that would reveal the schema when introspection is off.
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: config.maxTokens },
    validationRules: [createLimitsRule(limits)],
    // Automatic persisted queries let any client register documents: off in production unless a
    // trusted list is configured, which then serves as the only store (nothing registers).
    ...(trusted !== null
      ? { persistedQueries: { cache: trustedDocumentStore(trusted), ttl: null } }
      : production
        ? { persistedQueries: false as const }
        : {}),
    // main.ts owns SIGINT/SIGTERM: Apollo's own handlers would race it and re-raise the signal.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) =>
      formatError(formatted, logger, error, { hideSchemaDetails: production }),
  });
  await apollo.start();
  if (config.warmUp) {
    const warm = await warmUp(
      apollo,
      (index) => createContext(db, logger, `warm-up-${index}`, ANONYMOUS, [], settings),
      logger,
    );
    logger.info(warm, "warmed Neo4j's query plans");
  }

  app.disable("x-powered-by");
  // Express hashes every body it sends for an ETag (sha1 over the JSON: the Hash frame of
  // bench:profile); GraphQL answers go by POST, which no cache revalidates. Pages served by
  // express.static keep theirs.
  app.set("etag", false);
  if (metrics !== null) {
    app.get("/metrics", async (_req, res) => {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  }
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      await db.ping();
      res.json({ status: "ready", neo4j: "up" });
    } catch {
      res.status(503).json({ status: "unavailable", neo4j: "down" });
    }
  });
  app.get("/", (_req, res) => {
    res.redirect(302, "/explore/");
  });
  servePage(app, "explore");
  if (config.queryEditors) servePage(app, "graphiql");
  // An industry's chain report (HTML) and downloads (XLSX, CSV); read access as for /graphql.
  serveReports(app, { db, logger, authenticator, readsRequireAuth: config.readsRequireAuth });
  app.use(
    "/graphql",
    scope.middleware(),
    createCors(config),
    bookmarkHeader(),
    express.json({ limit: config.maxBodyBytes }),
    graphqlHandler(apollo, ({ req, res }) => {
      const header = req.headers["x-request-id"];
      const requestId = typeof header === "string" && header.length <= 100 ? header : randomUUID();
      return authenticator.authenticate(req.headers).then((principal) => {
        if (config.readsRequireAuth && principal.anonymous) throw new UnauthenticatedError();
        return createContext(db, logger, requestId, principal, bookmarksOf(res), settings);
      });
    }),
  );
  app.use("/graphql", bodyErrors(config.maxBodyBytes, logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off("error", reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host === "0.0.0.0" ? "localhost" : config.host;
  const url = `http://${host}:${port}/graphql`;
  let stopping = false;
  const hubQueriesWarmed = config.warmUp
    ? warmUpHubQueries(
        createContext(db, logger, "warm-up-hub-queries", ANONYMOUS, [], settings),
        logger,
        () => stopping,
      )
    : Promise.resolve();

  return {
    url,
    port,
    hubQueriesWarmed,
    stop: async () => {
      stopping = true;
      await hubQueriesWarmed;
      // apollo.stop() runs the drain plugin: the server stops accepting and in-flight requests end.
      await apollo.stop();
    },
  };
}
