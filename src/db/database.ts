import neo4j, {
  Neo4jError,
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type Session,
} from "neo4j-driver";
import { boltUri, type Config } from "../config";
import {
  AppError,
  BadUserInputError,
  ConflictError,
  InternalError,
  ServiceUnavailableError,
} from "../errors";
import type { RequestBookmarks } from "./bookmarks";
import { cypher, queryLabel, statements, type QueryName, type QueryRef } from "./cypher";
import { encodeProps, encodeValue, UnsupportedValueError, type TypedValue } from "./typed-values";
import { toPlain, type JsonValue } from "./values";

export type Row = { [key: string]: JsonValue };
/** A row whose values keep their Neo4j types (typed-values.ts); a map is a map of them. */
export type TypedRow = { [key: string]: TypedValue | Record<string, TypedValue> };
export type Params = Record<string, unknown>;

/** Counts database round trips; one per request lets tests and logs see how many a request made. */
export class QueryCounter {
  count = 0;
}

/** What repositories get: named reads and writes, nothing else of the driver. */
export interface Queries {
  read(name: QueryRef, params?: Params): Promise<Row[]>;
  write(name: QueryRef, params?: Params): Promise<Row[]>;
}

/**
 * Runs reads one at a time, in order, until `stopped` says to end: how a query is planned before a
 * user's first one without holding more than one connection. How many ran.
 */
export async function inTurn(
  reads: readonly (() => Promise<unknown>)[],
  stopped: () => boolean,
): Promise<number> {
  let ran = 0;
  for (const read of reads) {
    if (stopped()) break;
    await read();
    ran += 1;
  }
  return ran;
}

/** Named queries plus one-transaction units of work: what write services get. */
export interface Transactional extends Queries {
  writeTransaction<T>(work: (tx: Queries) => Promise<T>): Promise<T>;
}

/** Instrumentation of every round trip: metrics, and a request deadline that refuses new work. */
export interface QueryHooks {
  /**
   * Called before a round trip opens a session, with its query name (a `cypher/` file name, or
   * `writeTransaction`, `applyStatements`). May throw an AppError to refuse it (a request past its
   * deadline), or return a shorter transaction timeout in milliseconds for it.
   */
  readonly beforeQuery?: (name: string) => number | undefined;
  /** Called when a round trip ends, with its duration and whether it succeeded. */
  readonly onQuery?: (name: string, durationMs: number, ok: boolean) => void;
}

export interface DatabaseOptions {
  /** Per-transaction timeout sent to Neo4j, so a runaway query is stopped server-side too. */
  readonly txTimeoutMs: number;
  /** Called with the original error whenever a driver error is masked for clients. */
  readonly onInternalError?: (error: unknown) => void;
  readonly hooks?: QueryHooks;
}

const UNAVAILABLE_CODES = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.TransientError.General.DatabaseUnavailable",
  "Neo.ClientError.Database.DatabaseNotFound",
]);

/** Neo4j's answers to a bookmark it cannot parse or that names another database's transaction. */
const BOOKMARK_CODES = new Set([
  "Neo.ClientError.Transaction.InvalidBookmark",
  "Neo.ClientError.Transaction.InvalidBookmarkMixture",
]);

/**
 * The one owner of the neo4j-driver Driver in a process. Every query goes through `run`, which
 * converts values to plain ones and maps driver errors to typed errors, here and nowhere else.
 */
export class Database implements Transactional {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly options: DatabaseOptions,
    private readonly counter?: QueryCounter,
    // Shared by every view of the driver (scoped, withHooks), so one number counts them all.
    private readonly totals: { runs: number } = { runs: 0 },
    // One request's bookmarks: its sessions start after them and its writes add to them.
    private readonly bookmarks?: RequestBookmarks,
  ) {}

  /** Round trips started by this driver through any view of it: tests prove "no database call". */
  get runCount(): number {
    return this.totals.runs;
  }

  /**
   * Creates the driver for a configuration; fails fast rather than queueing when Neo4j is down.
   * Any URI scheme works unchanged: `neo4j://` and `neo4j+s://` give a routing driver that sends
   * READ sessions to a cluster's secondaries and WRITE sessions to its leader (docs/deployment.md).
   */
  static connect(config: Config, onInternalError?: (error: unknown) => void): Database {
    const driver = neo4j.driver(
      boltUri(config),
      neo4j.auth.basic(config.neo4jUser, config.neo4jPassword),
      {
        // Short retry and acquisition windows: a request must answer SERVICE_UNAVAILABLE within its
        // deadline instead of hanging while the database is away.
        maxTransactionRetryTime: 3_000,
        connectionAcquisitionTimeout: 5_000,
        connectionTimeout: 3_000,
        maxConnectionPoolSize: 50,
        // Integers come back as numbers: every integer the graph holds is a count, an offset or a
        // year, far below 2^53, and the driver's Integer objects cost an allocation each and a
        // conversion in toPlain (the floor's driver reads them the same way).
        disableLosslessIntegers: true,
        userAgent: "chengdu-innovation-kg",
      },
    );
    return new Database(driver, config.neo4jDatabase, {
      txTimeoutMs: config.neo4jTxTimeoutMs,
      ...(onInternalError === undefined ? {} : { onInternalError }),
    });
  }

  /**
   * A view of the same driver that counts this request's round trips and, when given, starts its
   * sessions after the request's bookmarks and adds its writes' bookmarks to them.
   */
  scoped(counter: QueryCounter, bookmarks?: RequestBookmarks): Database {
    return new Database(this.driver, this.database, this.options, counter, this.totals, bookmarks);
  }

  /** A view of the same driver whose round trips report to `hooks`. */
  withHooks(hooks: QueryHooks): Database {
    return new Database(
      this.driver,
      this.database,
      { ...this.options, hooks },
      this.counter,
      this.totals,
      this.bookmarks,
    );
  }

  read(name: QueryRef, params: Params = {}): Promise<Row[]> {
    return this.run("READ", cypher(name), params, queryLabel(name));
  }

  write(name: QueryRef, params: Params = {}): Promise<Row[]> {
    return this.run("WRITE", cypher(name), params, queryLabel(name));
  }

  /**
   * Runs `work` in one write transaction: every query it makes commits together or not at all.
   * The driver retries the whole of `work` on transient errors, so `work` must decide from what it
   * reads inside the transaction, never from state kept outside it.
   */
  writeTransaction<T>(work: (tx: Queries) => Promise<T>): Promise<T> {
    return this.instrumented("writeTransaction", async (timeout) => {
      if (this.counter !== undefined) this.counter.count += 1;
      const session = this.session("WRITE");
      try {
        const result = await session.executeWrite(
          (tx) =>
            work({
              read: (name, params = {}) => rowsOf(tx, cypher(name), params),
              write: (name, params = {}) => rowsOf(tx, cypher(name), params),
            }),
          { timeout },
        );
        this.committed(session);
        return result;
      } catch (error) {
        throw this.mapError(error);
      } finally {
        await session.close();
      }
    });
  }

  /**
   * Runs a maintenance statement at start, not for requests, in an auto-commit transaction (which
   * a query that commits its own batches with `CALL … IN TRANSACTIONS` needs) that may run up to
   * `timeoutMs` (an hour unless given) instead of a request's timeout. It runs in a WRITE session,
   * so on a cluster it goes to the leader, whether it writes (backfills, restore-clear) or only
   * waits (await-indexes).
   */
  maintenance(name: QueryName, params: Params = {}, timeoutMs = 3_600_000): Promise<Row[]> {
    return this.instrumented(name, async () => {
      if (this.counter !== undefined) this.counter.count += 1;
      const session = this.session("WRITE");
      try {
        const rows = rowsFromResult(
          await session.run(cypher(name), params, { timeout: timeoutMs }),
        );
        this.committed(session);
        return rows;
      } catch (error) {
        throw this.mapError(error);
      } finally {
        await session.close();
      }
    });
  }

  /** Runs several statements of one file (schema.cypher) in order, each in its own transaction. */
  async applyStatements(text: string): Promise<number> {
    const list = statements(text);
    for (const statement of list) await this.run("WRITE", statement, {}, "applyStatements");
    return list.length;
  }

  /**
   * Streams the rows of a read to `onRow` one at a time, values typed (TypedValue), in one
   * auto-commit transaction without the request timeout: a backup reads the whole graph, and
   * neither holds it in memory here nor flattens an Integer or a datetime. Returns the row count.
   */
  streamTyped(
    name: QueryName,
    params: Params,
    onRow: (row: TypedRow) => void | Promise<void>,
    timeoutMs = 3_600_000,
  ): Promise<number> {
    return this.instrumented(name, async () => {
      if (this.counter !== undefined) this.counter.count += 1;
      const session = this.session("READ");
      let count = 0;
      try {
        const result = session.run(cypher(name), params, { timeout: timeoutMs });
        for await (const record of result) {
          const row: TypedRow = {};
          for (const key of record.keys) {
            const value: unknown = record.get(key);
            row[String(key)] =
              value !== null &&
              typeof value === "object" &&
              Object.getPrototypeOf(value) === Object.prototype
                ? encodeProps(value as Record<string, unknown>)
                : encodeValue(value);
          }
          await onRow(row);
          count += 1;
        }
        return count;
      } catch (error) {
        if (error instanceof UnsupportedValueError) throw error;
        throw this.mapError(error);
      } finally {
        await session.close();
      }
    });
  }

  /** Resolves when Neo4j answers a query; throws ServiceUnavailableError otherwise. */
  async ping(): Promise<void> {
    await this.read("ping");
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  /** Counts the round trip and reports it to the hooks; a refusing hook stops it before a session. */
  private async instrumented<T>(name: string, body: (timeoutMs: number) => Promise<T>): Promise<T> {
    const cap = this.options.hooks?.beforeQuery?.(name);
    const timeout =
      cap === undefined ? this.options.txTimeoutMs : Math.min(cap, this.options.txTimeoutMs);
    this.totals.runs += 1;
    const started = performance.now();
    let ok = false;
    try {
      const result = await body(Math.max(1, Math.ceil(timeout)));
      ok = true;
      return result;
    } finally {
      this.options.hooks?.onQuery?.(name, performance.now() - started, ok);
    }
  }

  private run(mode: "READ" | "WRITE", text: string, params: Params, name: string): Promise<Row[]> {
    return this.instrumented(name, async (timeout) => {
      if (this.counter !== undefined) this.counter.count += 1;
      const session = this.session(mode);
      const work = (tx: ManagedTransaction): Promise<Row[]> => rowsOf(tx, text, params);
      const txConfig = { timeout };
      try {
        if (mode === "WRITE") {
          const rows = await session.executeWrite(work, txConfig);
          this.committed(session);
          return rows;
        }
        try {
          // A read is one statement: an auto-commit transaction spares the BEGIN exchange of a
          // managed one (bench/RESULTS.md has what it saves). It is a read transaction all the
          // same: the session's READ mode goes with it to the server (Bolt's mode "r"), and a
          // routing driver sends it to a reader. A failure worth retrying gets the driver's
          // managed retries.
          return rowsFromResult(
            await withoutCallerStack(() => session.run(text, params, txConfig)),
          );
        } catch (error) {
          if (error instanceof Neo4jError && error.retriable)
            return await session.executeRead(work, txConfig);
          throw error;
        }
      } catch (error) {
        throw this.mapError(error);
      } finally {
        await session.close();
      }
    });
  }

  /** A session of this view: its access mode routes it; it starts after the request's bookmarks. */
  private session(mode: "READ" | "WRITE"): Session {
    const bookmarks = this.bookmarks?.forSession();
    return this.driver.session({
      database: this.database,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
      ...(bookmarks === undefined ? {} : { bookmarks }),
    });
  }

  /** Keeps the bookmark of what a write session just committed, for the request's next reads. */
  private committed(session: Session): void {
    this.bookmarks?.wrote(session.lastBookmarks());
  }

  private mapError(error: unknown): AppError {
    if (error instanceof AppError) return error;
    if (error instanceof Neo4jError) {
      // Retrying does not help a transaction larger than Neo4j lets one grow (a large import):
      // say what would.
      if (error.code === "Neo.TransientError.General.MemoryPoolOutOfMemoryError") {
        return new ServiceUnavailableError(
          "The write is larger than the graph database lets one transaction grow; give Neo4j more memory (NEO4J_HEAP for the project's Neo4j, docs/operations.md) or write less at once.",
        );
      }
      if (BOOKMARK_CODES.has(error.code)) {
        return new BadUserInputError(
          "The bookmark sent with the request is not one this database knows (from another database, or altered); send the bookmark a response gave, unchanged.",
          undefined,
          { header: "x-neo4j-bookmark" },
        );
      }
      if (error.code === "Neo.TransientError.Transaction.BookmarkTimeout") {
        return new ServiceUnavailableError(
          "The graph database had not caught up with the bookmark sent with the request in time; try again shortly.",
        );
      }
      if (UNAVAILABLE_CODES.has(error.code) || error.code.startsWith("Neo.TransientError")) {
        return new ServiceUnavailableError();
      }
      if (
        error.code === "Neo.ClientError.Transaction.TransactionTimedOut" ||
        error.code === "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"
      ) {
        return new ServiceUnavailableError("The query took too long and was stopped.");
      }
      if (error.code === "Neo.ClientError.Schema.ConstraintValidationFailed") {
        return new ConflictError(
          "That write conflicts with data already stored (a unique id or key).",
        );
      }
      if (error.code === "Neo.ClientError.Security.Unauthorized") {
        this.options.onInternalError?.(error);
        return new ServiceUnavailableError("The graph database refused the service's credentials.");
      }
    }
    this.options.onInternalError?.(error);
    return new InternalError();
  }
}

async function rowsOf(tx: ManagedTransaction, text: string, params: Params): Promise<Row[]> {
  return rowsFromResult(await tx.run(text, params));
}

function rowsFromResult(result: QueryResult): Row[] {
  return result.records.map((record) => {
    const row: Row = {};
    for (const key of record.keys) row[String(key)] = toPlain(record.get(key));
    return row;
  });
}

/**
 * Runs `start` with stack capture off. neo4j-driver captures and formats a stack trace for every
 * Result it creates, to graft onto a later error; what that cost a small read is in the
 * profiles of bench/RESULTS.md. Errors are mapped to typed ones in this module and logged by
 * code and message, so the driver's copy of the caller's stack is not needed.
 */
function withoutCallerStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
