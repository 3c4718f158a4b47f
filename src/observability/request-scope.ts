import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { GraphQLFormattedError } from "graphql";
import type { QueryHooks } from "../db/database";
import { ServiceUnavailableError } from "../errors";
import type { Logger } from "../logger";
import type { Metrics } from "./metrics";

/** What one HTTP request to /graphql is, from arrival to the end of its response. */
export interface RequestRecord {
  readonly requestId: string;
  readonly startedAt: number;
  /** Absolute time (performance.now()) after which no new database work starts. */
  readonly deadlineAt: number;
  readonly signal: AbortSignal;
  operationName: string | null;
  readonly errorCodes: string[];
  /** The request's round-trip counter, once its context exists. */
  counter: { readonly count: number } | null;
  timedOut: boolean;
}

export const DEADLINE_MESSAGE = "deadline exceeded";
const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** Writes a GraphQL-shaped error body for a response Apollo does not produce itself. */
export function sendGraphQLError(
  res: Response,
  status: number,
  message: string,
  code: string,
): void {
  scopeOf(res)?.errorCodes.push(code);
  res
    .status(status)
    .type("application/json")
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

function scopeOf(res: Response): RequestRecord | undefined {
  return (res.locals as { requestRecord?: RequestRecord }).requestRecord;
}

/**
 * The request scope: a request id, a deadline and one log line and metric observation per request.
 * The record is reachable through AsyncLocalStorage from every callback of the request — Apollo
 * plugins and the database hooks — without threading it through the context.
 */
export class RequestScope {
  private readonly storage = new AsyncLocalStorage<RequestRecord>();

  constructor(
    private readonly options: {
      readonly requestTimeoutMs: number;
      readonly logger: Logger;
      readonly metrics: Metrics | null;
    },
  ) {}

  current(): RequestRecord | undefined {
    return this.storage.getStore();
  }

  /**
   * First middleware of /graphql. Gives the request an id (a sane client `x-request-id`, or a new
   * UUID, written back to the header so the context factory uses the same one), starts its
   * deadline and logs it when the response ends.
   */
  middleware(): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      const header = req.headers["x-request-id"];
      const requestId =
        typeof header === "string" && REQUEST_ID.test(header) ? header : randomUUID();
      req.headers["x-request-id"] = requestId;
      res.setHeader("x-request-id", requestId);

      const controller = new AbortController();
      const startedAt = performance.now();
      const record: RequestRecord = {
        requestId,
        startedAt,
        deadlineAt: startedAt + this.options.requestTimeoutMs,
        signal: controller.signal,
        operationName: null,
        errorCodes: [],
        counter: null,
        timedOut: false,
      };
      (res.locals as { requestRecord?: RequestRecord }).requestRecord = record;

      const timer = setTimeout(() => {
        record.timedOut = true;
        controller.abort();
        if (res.headersSent) return;
        sendGraphQLError(res, 503, DEADLINE_MESSAGE, "SERVICE_UNAVAILABLE");
        silenceLateWrites(res);
      }, this.options.requestTimeoutMs);
      timer.unref();

      res.once("close", () => {
        clearTimeout(timer);
        this.finish(req, res, record);
      });
      this.storage.run(record, next);
    };
  }

  private finish(req: Request, res: Response, record: RequestRecord): void {
    const durationMs = Math.round((performance.now() - record.startedAt) * 10) / 10;
    const status = res.writableFinished ? res.statusCode : 499;
    const entry = {
      requestId: record.requestId,
      method: req.method,
      status,
      operationName: record.operationName,
      durationMs,
      dbRoundTrips: record.counter?.count ?? 0,
      errorCodes: record.errorCodes,
      ...(record.timedOut ? { timedOut: true } : {}),
    };
    this.options.logger.info(entry, "graphql request");
    this.options.metrics?.observeRequest({
      operationName: record.operationName,
      status,
      durationMs,
      errorCodes: record.errorCodes,
      timedOut: record.timedOut,
    });
  }

  /**
   * Database hooks of the request scope: after the deadline no new round trip starts (it fails
   * SERVICE_UNAVAILABLE "deadline exceeded"), and a transaction may not outlive the deadline.
   */
  queryHooks(): QueryHooks {
    const metrics = this.options.metrics;
    return {
      beforeQuery: () => {
        const record = this.current();
        let remaining: number | undefined;
        if (record !== undefined) {
          remaining = record.deadlineAt - performance.now();
          if (record.signal.aborted || remaining <= 0) {
            throw new ServiceUnavailableError(DEADLINE_MESSAGE);
          }
        }
        metrics?.queryStarted();
        return remaining;
      },
      onQuery: (name, durationMs, ok) => {
        metrics?.queryEnded(name, durationMs, ok);
      },
    };
  }

  /** An Apollo plugin that fills the record: operation name, round-trip counter, error codes. */
  plugin<T extends { readonly counter: { readonly count: number } }>(): ApolloServerPlugin<T> {
    const codesOf = (errors: readonly GraphQLFormattedError[] | undefined): string[] =>
      (errors ?? []).map((error) =>
        typeof error.extensions?.code === "string"
          ? error.extensions.code
          : "INTERNAL_SERVER_ERROR",
      );
    return {
      invalidRequestWasReceived: ({ error }) => {
        const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
        this.current()?.errorCodes.push(typeof code === "string" ? code : "BAD_REQUEST");
        return Promise.resolve();
      },
      contextCreationDidFail: ({ error }) => {
        const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
        this.current()?.errorCodes.push(typeof code === "string" ? code : "INTERNAL_SERVER_ERROR");
        return Promise.resolve();
      },
      requestDidStart: ({ contextValue }) => {
        const record = this.current();
        if (record === undefined) return Promise.resolve();
        record.counter = contextValue.counter;
        return Promise.resolve({
          didResolveOperation: ({ operationName }) => {
            record.operationName = operationName ?? null;
            return Promise.resolve();
          },
          willSendResponse: ({ response, operationName }) => {
            record.operationName ??= operationName ?? null;
            const result =
              response.body.kind === "single"
                ? response.body.singleResult
                : response.body.initialResult;
            record.errorCodes.push(...codesOf(result.errors));
            return Promise.resolve();
          },
        });
      },
    };
  }
}

/**
 * After the deadline answered, Apollo may still finish the request and try to write its own
 * response; these writes become no-ops instead of throwing "headers already sent".
 */
function silenceLateWrites(res: Response): void {
  const ignore = function (this: Response): Response {
    return this;
  };
  Object.assign(res, {
    setHeader: ignore,
    status: ignore,
    send: ignore,
    json: ignore,
    write: () => true,
    end: ignore,
  });
}
