/** A V8 CPU profile as `--cpu-prof` writes it (the fields read here). */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
    };
  }[];
  /** Microseconds, on the clock process.hrtime reads (CLOCK_MONOTONIC). */
  readonly startTime: number;
  readonly samples: readonly number[];
  /** Microseconds from the previous sample (the first: from startTime). */
  readonly timeDeltas: readonly number[];
}

export interface Share {
  readonly name: string;
  readonly percent: number;
}

export interface ProfileSummary {
  /** The time the samples inside the window cover, in milliseconds. */
  readonly sampledMs: number;
  /** The share of that time the process was not idle. */
  readonly busyPercent: number;
  /** Where the busy time went, by place (a package, our code, Node, V8), largest first. */
  readonly places: readonly Share[];
  /** The frames with the most self time, largest first, at most `top`. */
  readonly frames: readonly (Share & { readonly where: string })[];
}

const IDLE = "(idle)";

/** The package of a node_modules path (scoped ones whole: @apollo/server). */
function packageOf(url: string): string | null {
  const at = url.lastIndexOf("/node_modules/");
  if (at < 0) return null;
  const [first, second] = url.slice(at + "/node_modules/".length).split("/");
  return first?.startsWith("@") === true ? `${first}/${second ?? ""}` : (first ?? null);
}

/** The place a frame's time counts to: a package, our code by folder, Node, or V8's own work. */
export function placeOf(functionName: string, url: string): string {
  if (url === "") {
    if (functionName === "(garbage collector)") return "V8: garbage collector";
    if (functionName === "(program)") return "V8: compiling and native (program)";
    return functionName === IDLE ? IDLE : `V8: ${functionName || "native"}`;
  }
  const pkg = packageOf(url);
  if (pkg !== null) return pkg;
  if (url.startsWith("node:")) return "node (its own modules)";
  const ours = /\/(src|bench|scripts)\/(?:([^/]+)\/)?/.exec(url);
  if (ours !== null) return `ours: ${ours[1] ?? ""}/${ours[2] ?? ""}`;
  return "other";
}

/** A frame's file, from its package or the project folder on, with its line (1-based). */
function whereOf(url: string, lineNumber: number): string {
  if (url === "") return "";
  const at = url.lastIndexOf("/node_modules/");
  const ours = /\/(src|bench|scripts)\//.exec(url);
  const file =
    at >= 0
      ? url.slice(at + "/node_modules/".length)
      : ours !== null
        ? url.slice(ours.index + 1)
        : url;
  return `${file}:${lineNumber + 1}`;
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

/**
 * Self time by place and by frame, over the samples taken between `from` and `to` (microseconds on
 * the profile's clock), as percentages of the busy (not idle) time.
 */
export function summarise(
  profile: CpuProfile,
  window: { readonly from: number; readonly to: number; readonly top: number },
): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const places = new Map<string, number>();
  const frames = new Map<string, { name: string; where: string; us: number }>();
  let total = 0;
  let idle = 0;
  let at = profile.startTime;
  profile.samples.forEach((nodeId, index) => {
    at += profile.timeDeltas[index] ?? 0;
    if (at < window.from || at > window.to) return;
    // A sample stands for the time until the next one.
    const us = profile.timeDeltas[index + 1] ?? 0;
    const frame = byId.get(nodeId);
    if (frame === undefined) return;
    total += us;
    const place = placeOf(frame.functionName, frame.url);
    if (place === IDLE) {
      idle += us;
      return;
    }
    places.set(place, (places.get(place) ?? 0) + us);
    const where = whereOf(frame.url, frame.lineNumber);
    const name = frame.functionName || "(anonymous)";
    const key = `${name} ${where}`;
    const seen = frames.get(key) ?? { name, where, us: 0 };
    seen.us += us;
    frames.set(key, seen);
  });
  const busy = total - idle;
  const percent = (us: number): number => (busy === 0 ? 0 : round1((100 * us) / busy));
  return {
    sampledMs: Math.round(total / 1000),
    busyPercent: total === 0 ? 0 : round1((100 * busy) / total),
    places: [...places]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, percent: percent(us) })),
    frames: [...frames.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, window.top)
      .map((frame) => ({ name: frame.name, where: frame.where, percent: percent(frame.us) })),
  };
}
