import autocannon from "autocannon";
import type { TargetProcess } from "./children";
import { floorOk, graphqlOk, percentile, round } from "./load";
import { MIX_CLASSES, weightedPicker, type MixClass, type MixVariant } from "./mix";

export interface MixSettings {
  readonly connections: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  /** Upper bound on requests per run, so a very fast target cannot run away with the machine. */
  readonly maxRequests: number;
  readonly seed: number;
  readonly rssIntervalSeconds: number;
}

export interface LatencyFigures {
  readonly requests: number;
  readonly rps: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
  /** Non-2xx responses and bodies that fail verification (GraphQL `errors`, no data, floor error). */
  readonly errors: number;
}

export interface MixRun {
  readonly overall: LatencyFigures & {
    /** Socket errors and timeouts, which belong to no class. */
    readonly transport_errors: number;
  };
  readonly classes: Record<MixClass, LatencyFigures>;
  /** The target's RSS every `rssIntervalSeconds` during the measured run, MB. */
  readonly rss_mb: number[];
  /** The start of the first wrong body, to say what went wrong. */
  readonly firstError?: string;
}

interface Sent {
  readonly cls: MixClass;
  readonly ok: boolean;
}

function figures(samples: number[], errors: number, seconds: number): LatencyFigures {
  samples.sort((a, b) => a - b);
  return {
    requests: samples.length,
    rps: round(samples.length / seconds, 1),
    p50_ms: round(percentile(samples, 50)),
    p99_ms: round(percentile(samples, 99)),
    errors,
  };
}

function requestFor(
  target: TargetProcess,
  variant: MixVariant,
): { path: string; body: string; verify: (body: string) => boolean } {
  return target.target === "floor"
    ? { path: `/op/${variant.op.name}?anchors=${variant.anchors}`, body: "{}", verify: floorOk }
    : { path: "/graphql", body: JSON.stringify({ query: variant.op.ours }), verify: graphqlOk };
}

/**
 * Drives one target with the weighted mix for a duration: every request is drawn from the variants
 * by a PRNG seeded alike for every target. Each response is checked and its latency (autocannon's
 * own per-response time, as bench/lib/load.ts uses) filed under its class; RSS is sampled from the
 * target while it runs.
 */
export async function driveMix(
  target: TargetProcess,
  variants: readonly MixVariant[],
  settings: MixSettings,
  durationSeconds: number,
): Promise<MixRun> {
  const prepared = variants.map((v) => ({ ...v, req: requestFor(target, v) }));
  type Prepared = (typeof prepared)[number];
  // autocannon keeps one context object per connection and request.
  const slot = (context: object): { chosen?: Prepared } => context;
  const pick = weightedPicker(prepared, settings.seed);
  const samples = new Map<MixClass, number[]>(MIX_CLASSES.map((c) => [c.name, []]));
  const errors = new Map<MixClass, number>(MIX_CLASSES.map((c) => [c.name, 0]));
  const all: number[] = [];
  let firstError: string | undefined;
  // autocannon calls a request's onResponse and then, synchronously, emits "response" with its
  // time for the same connection: the first says which request it was, the second how long it took.
  let last: Sent | null = null;
  let unpaired = 0;
  const rss: number[] = [];
  let sampling = true;
  const sampler = setInterval(() => {
    void target.memory().then(({ rss: bytes }) => {
      // A reply that arrives after the run belongs to no sample of it.
      if (sampling) rss.push(Math.round(bytes / 2 ** 20));
    });
  }, settings.rssIntervalSeconds * 1000);
  const started = process.hrtime.bigint();
  let instance: autocannon.Instance | undefined;
  try {
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      instance = autocannon(
        {
          url: `http://127.0.0.1:${target.port}`,
          connections: settings.connections,
          duration: durationSeconds,
          maxOverallRequests: settings.maxRequests,
          timeout: 10,
          requests: [
            {
              setupRequest: (request, context) => {
                const chosen = pick();
                slot(context).chosen = chosen;
                return {
                  ...request,
                  method: "POST",
                  path: chosen.req.path,
                  headers: { "content-type": "application/json" },
                  body: chosen.req.body,
                };
              },
              onResponse: (status, body, context) => {
                const chosen = slot(context).chosen;
                if (chosen === undefined) return;
                const ok = status >= 200 && status < 300 && chosen.req.verify(body);
                if (!ok && firstError === undefined) {
                  firstError = `${chosen.op.name}: ${body.slice(0, 300)}`;
                }
                last = { cls: chosen.cls, ok };
              },
            },
          ],
        },
        (error: unknown, done) => {
          if (error === null || error === undefined) resolve(done);
          else
            reject(
              error instanceof Error ? error : new Error("autocannon failed", { cause: error }),
            );
        },
      );
      instance.on("response", (_client, _status, _bytes, responseTime) => {
        const sent: Sent | null = last;
        last = null;
        if (sent === null) {
          unpaired += 1;
          return;
        }
        all.push(responseTime);
        samples.get(sent.cls)?.push(responseTime);
        if (!sent.ok) errors.set(sent.cls, (errors.get(sent.cls) ?? 0) + 1);
      });
    });
    instance?.stop();
    sampling = false;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (unpaired > 0) throw new Error(`${unpaired} responses could not be matched to a request`);
    const classes = Object.fromEntries(
      MIX_CLASSES.map((c) => [
        c.name,
        figures(samples.get(c.name) ?? [], errors.get(c.name) ?? 0, seconds),
      ]),
    ) as Record<MixClass, LatencyFigures>;
    const classErrors = [...errors.values()].reduce((s, n) => s + n, 0);
    return {
      overall: {
        ...figures(all, classErrors, seconds),
        transport_errors: result.errors + result.timeouts,
      },
      classes,
      rss_mb: rss,
      ...(firstError === undefined ? {} : { firstError }),
    };
  } finally {
    sampling = false;
    clearInterval(sampler);
  }
}
