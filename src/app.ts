import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from "@apollo/server/plugin/landingPage/default";
import express from "express";
import type { GraphQLFormattedError } from "graphql";
import type { Config } from "./config";
import type { Database } from "./db/database";
import { createContext, type Context } from "./graphql/context";
import { createSchema } from "./graphql/schema";
import { createAuthenticator } from "./auth/authenticate";
import { UnauthenticatedError } from "./errors";
import type { Logger } from "./logger";

export interface AppDeps {
  readonly config: Config;
  readonly db: Database;
  readonly logger: Logger;
}

export interface RunningApp {
  readonly url: string;
  readonly port: number;
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
]);

const ARGUMENT_VALUE_ERROR =
  /^(Value ".*" does not exist in ".*" enum|Enum ".*" cannot represent|Expected value of type|Int cannot represent|Float cannot represent|String cannot represent|ID cannot represent|Boolean cannot represent)/;

/**
 * Masks every error the service did not raise on purpose: clients see INTERNAL_SERVER_ERROR and a
 * fixed message, never a stack trace or Cypher text; the original is logged with the request id.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  logger: Logger,
): GraphQLFormattedError {
  let code = typeof formatted.extensions?.code === "string" ? formatted.extensions.code : undefined;
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

/** Builds and starts the HTTP server: GraphQL at /graphql, /healthz and /readyz. */
export async function startApp({ config, db, logger }: AppDeps): Promise<RunningApp> {
  const app = express();
  const httpServer = http.createServer(app);
  const schema = await createSchema();
  const authenticator = createAuthenticator(config);

  const plugins: ApolloServerPlugin<Context>[] = [
    ApolloServerPluginDrainHttpServer({ httpServer }),
    config.nodeEnv === "production"
      ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
      : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
  ];

  const apollo = new ApolloServer<Context>({
    schema,
    plugins,
    introspection: config.nodeEnv !== "production",
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGINT/SIGTERM: Apollo's own handlers would race it and re-raise the signal.
    stopOnTerminationSignals: false,
    formatError: (formatted) => formatError(formatted, logger),
  });
  await apollo.start();

  app.disable("x-powered-by");
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
  app.use(
    "/graphql",
    express.json({ limit: "100kb" }),
    expressMiddleware(apollo, {
      context: ({ req }) => {
        const header = req.headers["x-request-id"];
        const requestId =
          typeof header === "string" && header.length <= 100 ? header : randomUUID();
        return authenticator.authenticate(req.headers).then((principal) => {
          if (config.readsRequireAuth && principal.anonymous) throw new UnauthenticatedError();
          return createContext(db, logger, requestId, principal);
        });
      },
    }),
  );

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

  return {
    url,
    port,
    stop: async () => {
      // apollo.stop() runs the drain plugin: the server stops accepting and in-flight requests end.
      await apollo.stop();
    },
  };
}
