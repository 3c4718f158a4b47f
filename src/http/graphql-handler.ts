import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import type { NextFunction, Request, RequestHandler, Response } from "express";

/** Builds a request's context from the Express request and response it came with. */
export type ContextOf<TContext> = (http: { req: Request; res: Response }) => Promise<TContext>;

/**
 * Apollo Server on Express: the request handed to Apollo as it is, Apollo's answer written back.
 * It does what @as-integrations/express5 does, less two costs its profile showed under load
 * (`npm run bench:profile`): that package runs the legacy `url.parse` on every request only to
 * find the query string (2–3% of the CPU), and answers through `res.send`, which copies the body
 * into a Buffer; here the query string is the URL's tail after `?` and the body goes to `res.end`
 * with its length.
 */
export function graphqlHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  context: ContextOf<TContext>,
): RequestHandler {
  apollo.assertStarted("graphqlHandler()");
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!("body" in req)) {
      // express.json sets req.body (undefined without a body) on every request it sees.
      next(new Error("graphqlHandler needs express.json() before it"));
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const query = req.url.indexOf("?");
    apollo
      .executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: req.method.toUpperCase(),
          headers,
          search: query < 0 ? "" : req.url.slice(query),
          body: req.body as unknown,
        },
        context: () => context({ req, res }),
      })
      .then(async (answer) => {
        for (const [key, value] of answer.headers) res.setHeader(key, value);
        res.statusCode = answer.status ?? 200;
        if (answer.body.kind === "complete") {
          res.setHeader("content-length", Buffer.byteLength(answer.body.string));
          res.end(answer.body.string);
          return;
        }
        // Incremental delivery (@defer), chunk by chunk.
        for await (const chunk of answer.body.asyncIterator) res.write(chunk);
        res.end();
      })
      .catch(next);
  };
}
