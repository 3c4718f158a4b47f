import { BadUserInputError } from "../errors";

/**
 * Checks a whole-number argument against its allowed range; the one message every range error of
 * the API uses.
 * @throws BadUserInputError naming the argument, the range and the value.
 * @example checkRange("depth", 10, 1, 3) // throws "depth must be between 1 and 3 (got 10)"
 */
export function checkRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(`${name} must be between ${min} and ${max} (got ${value})`, name);
  }
}
