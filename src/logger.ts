import pino, { type Logger } from "pino";
import type { Config } from "./config";

export type { Logger };

/** Structured JSON logs; secrets never reach them (the redact list is the safety net). */
export function createLogger(config: Pick<Config, "logLevel" | "nodeEnv">): Logger {
  return pino({
    level: config.nodeEnv === "test" && config.logLevel === "info" ? "warn" : config.logLevel,
    redact: {
      paths: [
        "password",
        "*.password",
        "req.headers.authorization",
        "headers.authorization",
        "token",
      ],
      censor: "[redacted]",
    },
    base: { service: "chengdu-innovation-kg" },
  });
}
