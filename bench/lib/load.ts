import autocannon from "autocannon";

export interface LoadOptions {
  readonly url: string;
  /** POST body; the floor ignores it. */
  readonly body: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /** Upper bound on requests, so a very fast target cannot run away with the machine. */
  readonly maxRequests: number;
  /** True when a response body is a correct answer (no GraphQL `errors`, data present). */
  readonly verify: (body: string) => boolean;
}

export interface LoadResult {
  readonly requests: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Non-2xx responses, bodies that fail `verify`, socket errors and timeouts. */
  readonly errors: number;
  /** The start of the first wrong body, to say what went wrong. */
  readonly firstError?: string;
}

/** The p-th percentile (0–100) of ascending latencies, nearest rank. */
export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)] ?? Number.NaN;
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/**
 * Drives one URL with autocannon on loopback. Latencies are taken from every response's own
 * high-resolution time rather than autocannon's histogram, which keeps whole milliseconds only —
 * too coarse for sub-millisecond floors.
 */
export async function drive(options: LoadOptions): Promise<LoadResult> {
  const samples: number[] = [];
  let firstError: string | undefined;
  const started = process.hrtime.bigint();
  let instance: autocannon.Instance | undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: options.url,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: options.body,
        connections: options.connections,
        duration: options.durationSeconds,
        maxOverallRequests: options.maxRequests,
        timeout: 10,
        verifyBody: (body) => {
          const text = body === undefined ? "" : body.toString();
          const ok = options.verify(text);
          if (!ok && firstError === undefined) firstError = text.slice(0, 300);
          return ok;
        },
      },
      (error: unknown, done) => {
        if (error === null || error === undefined) resolve(done);
        else
          reject(error instanceof Error ? error : new Error("autocannon failed", { cause: error }));
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      samples.push(responseTime);
    });
  });
  instance?.stop();
  const elapsedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  samples.sort((a, b) => a - b);
  return {
    requests: samples.length,
    rps: round(samples.length / elapsedSeconds, 1),
    p50Ms: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
    p99Ms: round(percentile(samples, 99)),
    maxMs: round(samples.at(-1) ?? Number.NaN),
    errors: result.non2xx + result.mismatches + result.errors + result.timeouts,
    ...(firstError === undefined ? {} : { firstError }),
  };
}

/** A GraphQL body is correct when it has data and no `errors`. */
export function graphqlOk(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown };
    return parsed.errors === undefined && parsed.data !== null && parsed.data !== undefined;
  } catch {
    return false;
  }
}

/** A floor body is correct when it carries rows and no error. */
export function floorOk(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { rows?: unknown; error?: unknown };
    return parsed.error === undefined && Array.isArray(parsed.rows);
  } catch {
    return false;
  }
}
