import cors from "cors";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { Config } from "../config";
import { sendGraphQLError } from "../observability/request-scope";
import { BOOKMARK_HEADER } from "./bookmarks";

/**
 * Headers a browser page may send: JSON bodies, credentials, Apollo's CSRF headers, request ids,
 * and the bookmark of its last write (read-your-writes, src/http/bookmarks.ts).
 */
const ALLOWED_HEADERS = [
  "content-type",
  "authorization",
  "x-api-key",
  "x-request-id",
  "apollo-require-preflight",
  "x-apollo-operation-name",
  BOOKMARK_HEADER,
];

/** Response headers a browser page may read: the request id, and a write's bookmark. */
const EXPOSED_HEADERS = ["x-request-id", BOOKMARK_HEADER];

/**
 * Cross-origin access to the API for browser pages on other origins (CORS), from an allow-list:
 * - no Origin header (curl, servers) or the service's own origin (/explore, /graphiql): passed on
 *   untouched, as before;
 * - an origin on CORS_ORIGINS: its preflight is answered (204, the allowed methods and headers,
 *   Access-Control-Max-Age) and its responses carry Access-Control-Allow-Origin, with
 *   credentials only when CORS_CREDENTIALS is true;
 * - any other origin: 403 FORBIDDEN, preflight or not, before anything is read or run.
 * Every response says `Vary: Origin`, since it depends on the origin. Apollo's CSRF guard still
 * runs after this for every request that reaches it: an allowed origin's simple (text/plain or
 * form) POST is refused there, as is anyone's.
 */
export function createCors(
  config: Pick<Config, "corsOrigins" | "corsCredentials" | "corsMaxAgeS">,
): RequestHandler {
  const allowed = new Set(config.corsOrigins);
  const allow = cors({
    origin: true,
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: config.corsCredentials,
    maxAge: config.corsMaxAgeS,
    optionsSuccessStatus: 204,
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    res.vary("Origin");
    const origin = req.headers.origin;
    if (origin === undefined || origin === ownOrigin(req)) {
      next();
    } else if (allowed.has(origin)) {
      allow(req, res, next);
    } else {
      sendGraphQLError(
        res,
        403,
        `Origin ${origin.slice(0, 200)} may not call this API: set CORS_ORIGINS to allow it.`,
        "FORBIDDEN",
      );
    }
  };
}

/** The origin the request was sent to, as a browser on that origin would name it. */
function ownOrigin(req: Request): string | null {
  const host = req.headers.host;
  return host === undefined ? null : `${req.protocol}://${host}`;
}
