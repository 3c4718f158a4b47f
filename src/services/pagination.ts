import { BadUserInputError } from "../errors";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Opaque cursors: base64url of a small JSON value, tagged so one kind can't be fed to another. */
export function encodeCursor(tag: string, value: unknown): string {
  return Buffer.from(JSON.stringify([tag, value]), "utf8").toString("base64url");
}

/** @throws BadUserInputError when the cursor is not one this service issued for `tag`. */
export function decodeCursor(tag: string, cursor: string, argumentName: string): unknown {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed[0] === tag) return parsed[1];
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError(`${argumentName} is not a valid cursor for this list`, argumentName);
}

/** Validates a page size argument. */
export function pageSize(value: number | null | undefined, argumentName: string): number {
  if (value === null || value === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw new BadUserInputError(
      `${argumentName} must be between 0 and ${MAX_PAGE_SIZE} (got ${value})`,
      argumentName,
    );
  }
  return value;
}

export interface PageInfoRecord {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}
