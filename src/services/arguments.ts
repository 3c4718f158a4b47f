import { BadUserInputError } from "../errors";

/**
 * Checks a whole-number argument against its allowed range; the one message every range error of
 * the API uses.
 * @throws BadUserInputError naming the argument, the range and the value.
 * @example checkRange("depth", 10, 1, 3) // throws "depth must be between 1 and 3 (got 10)"
 */
/**
 * Checks a fraction argument (a confidence): any number from 0 to 1.
 * @throws BadUserInputError naming the argument and the value.
 */
export function checkFraction(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0 && value <= 1))
    throw new BadUserInputError(`${name} must be from 0 to 1 (got ${value})`, name);
}

export function checkRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(`${name} must be between ${min} and ${max} (got ${value})`, name);
  }
}
