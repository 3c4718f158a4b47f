import { randomUUID } from "node:crypto";

/** API keys the curation tests start the server with, one per role. */
export const KEYS = {
  reader: "reader-key-0123456789",
  editor: "editor-key-0123456789",
  admin: "admin-key-0123456789ab",
} as const;

export const AUTH_ENV = {
  API_KEYS: `reader:${KEYS.reader},editor:${KEYS.editor},admin:${KEYS.admin}`,
};

export type Role = keyof typeof KEYS;

export function as(role: Role | "anonymous"): Record<string, string> {
  return role === "anonymous" ? {} : { "x-api-key": KEYS[role] };
}

/** A fresh idempotency key; runs never collide with earlier runs' records. */
export function newKey(label = "test"): string {
  return `${label}-${randomUUID()}`;
}

export const DOC = "000_257febe6d92f7e6f";
/** A passage of the seed document: 成都技术转移集团's registered capital. */
export const PASSAGE = { documentId: DOC, quote: "注册资本10亿元的成都技术转移集团" };
