import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from "@apollo/server";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { WriteBookmarks } from "../services";
import { sendGraphQLError } from "../observability/request-scope";

/**
 * Read-your-writes across API replicas. A response to a request that wrote carries the bookmarks
 * of its writes in the `X-Neo4j-Bookmark` header and in `extensions.bookmark`, the same value in
 * both; a later request that sends that value back in `X-Neo4j-Bookmark` reads only once the
 * database it reads from has those writes, whichever replica answers it (docs/deployment.md).
 *
 * The value is opaque to clients: each Neo4j bookmark base64url-encoded, comma-separated. The
 * encoding keeps commas, spaces and non-ASCII out of a bookmark, so a header repeated (which HTTP
 * joins with ", ") or merged by a proxy still splits back into the same bookmarks.
 */
export const BOOKMARK_HEADER = "x-neo4j-bookmark";

/** More than enough for any chain of writes a client waits on; bounds what a header may ask. */
const MAX_BOOKMARKS = 16;
/** Neo4j's bookmarks are a few dozen characters; this leaves room and bounds the header. */
const MAX_ENCODED = 1_024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** What a decoded bookmark may hold: printable ASCII, as every Neo4j bookmark is. */
const PRINTABLE = /^[\x21-\x7e]+$/;

/** The header (and extension) value for a request's write bookmarks. */
export function encodeBookmarks(bookmarks: readonly string[]): string {
  return bookmarks.map((bookmark) => Buffer.from(bookmark, "utf8").toString("base64url")).join(",");
}

/** Why a header value is not one this API gave, or the bookmarks it holds. */
export type DecodedBookmarks =
  | { readonly ok: true; readonly bookmarks: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads an `X-Neo4j-Bookmark` value back into bookmarks. An absent or blank header holds none
 * (a client may always send its last value, even before its first write).
 */
export function decodeBookmarks(value: string | undefined): DecodedBookmarks {
  if (value === undefined || value.trim() === "") return { ok: true, bookmarks: [] };
  const parts = value.split(",").map((part) => part.trim());
  if (parts.length > MAX_BOOKMARKS) {
    return { ok: false, reason: `it holds ${parts.length} bookmarks, more than ${MAX_BOOKMARKS}` };
  }
  const bookmarks: string[] = [];
  for (const [index, part] of parts.entries()) {
    const which = `bookmark ${index + 1}`;
    if (part === "") return { ok: false, reason: `${which} is empty` };
    if (part.length > MAX_ENCODED)
      return { ok: false, reason: `${which} is longer than ${MAX_ENCODED} characters` };
    if (!BASE64URL.test(part))
      return { ok: false, reason: `${which} is not base64url (letters, digits, - and _)` };
    const decoded = Buffer.from(part, "base64url").toString("utf8");
    // A round trip that changes the text means the part was not what encodeBookmarks writes.
    if (!PRINTABLE.test(decoded) || Buffer.from(decoded, "utf8").toString("base64url") !== part)
      return { ok: false, reason: `${which} does not decode to a Neo4j bookmark` };
    bookmarks.push(decoded);
  }
  return { ok: true, bookmarks: [...new Set(bookmarks)] };
}

/** The bookmarks a request's `X-Neo4j-Bookmark` header holds (decodeBookmarks), or why not. */
export function requestBookmarks(req: Request): DecodedBookmarks {
  const raw = req.headers[BOOKMARK_HEADER];
  return decodeBookmarks(Array.isArray(raw) ? raw.join(",") : raw);
}

/** What a refusal of the header says, the reason being decodeBookmarks'. */
export function refusalOf(reason: string): string {
  return `The X-Neo4j-Bookmark header is not a bookmark this API gave: ${reason}.`;
}

/** Where the bookmark middleware leaves a request's decoded bookmarks for the context factory. */
export function bookmarksOf(res: Response): readonly string[] {
  return (res.locals as { bookmarks?: readonly string[] }).bookmarks ?? [];
}

/**
 * Reads `X-Neo4j-Bookmark` before anything else of /graphql runs: a value this API could not have
 * given is refused with 400 BAD_USER_INPUT saying why, before any resolver or database call.
 */
export function bookmarkHeader(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    const decoded = requestBookmarks(req);
    if (!decoded.ok) {
      sendGraphQLError(
        res,
        400,
        `${refusalOf(decoded.reason)} Send back the value of a response's X-Neo4j-Bookmark header (or extensions.bookmark) unchanged.`,
        "BAD_USER_INPUT",
      );
      return;
    }
    if (decoded.bookmarks.length > 0)
      (res.locals as { bookmarks?: readonly string[] }).bookmarks = decoded.bookmarks;
    next();
  };
}

/**
 * Hands the client the bookmarks of the request's writes, when it made any: the header, and
 * `extensions.bookmark` for clients that read only the body.
 */
export function bookmarkPlugin<
  TContext extends { readonly bookmarks: WriteBookmarks },
>(): ApolloServerPlugin<TContext> {
  // One listener for every request: nothing of it is per request but its arguments.
  const listener = {
    willSendResponse: ({
      contextValue,
      response,
    }: GraphQLRequestContextWillSendResponse<TContext>): Promise<void> => {
      const writes = contextValue.bookmarks.writes;
      if (writes.length === 0) return Promise.resolve();
      const value = encodeBookmarks(writes);
      response.http.headers.set(BOOKMARK_HEADER, value);
      if (response.body.kind === "single") {
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, bookmark: value };
      }
      return Promise.resolve();
    },
  };
  return { requestDidStart: () => Promise.resolve(listener) };
}
