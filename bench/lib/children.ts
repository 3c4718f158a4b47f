import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Anchors } from "./ops";

export type Target = "ours" | "floor" | "peer";

export type ParentMessage = { type: "memory"; resetPeak: boolean } | { type: "stop" };
export type ChildMessage =
  { type: "ready"; port: number } | { type: "memory"; rss: number; peak: number };

export interface TargetProcess {
  readonly target: Target;
  readonly port: number;
  readonly pid: number;
  /** Current RSS and the peak since the last reset, in bytes. */
  memory(resetPeak?: boolean): Promise<{ rss: number; peak: number }>;
  stop(): Promise<void>;
}

function nextMessage<T extends ChildMessage["type"]>(
  child: ChildProcess,
  type: T,
  timeoutMs: number,
): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`bench target did not send ${type} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (message: ChildMessage): void => {
      if (message.type !== type) return;
      cleanup();
      resolve(message as Extract<ChildMessage, { type: T }>);
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`bench target exited with code ${String(code)} before sending ${type}`));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

/**
 * Starts one target (bench/serve.ts) in a child process and waits until it listens. The floor serves
 * each operation on every anchor set given.
 */
export async function startTarget(
  target: Target,
  boltUri: string,
  anchors: Anchors | readonly Anchors[],
  /** Settings of the target's own, over this process's environment (PATH_HUB_BOUND, …). */
  env: Readonly<Record<string, string>> = {},
): Promise<TargetProcess> {
  const child = fork(
    path.join(__dirname, "..", "serve.ts"),
    [target, boltUri, JSON.stringify(anchors)],
    {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: { ...process.env, ...env },
    },
  );
  // The service plans its queries at start (WARM_UP): on a cold Neo4j and a busy machine, minutes.
  const { port } = await nextMessage(child, "ready", 180_000);
  return {
    target,
    port,
    pid: child.pid ?? -1,
    memory: async (resetPeak = false) => {
      const reply = nextMessage(child, "memory", 10_000);
      child.send({ type: "memory", resetPeak } satisfies ParentMessage);
      const { rss, peak } = await reply;
      return { rss, peak };
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.send({ type: "stop" } satisfies ParentMessage);
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
