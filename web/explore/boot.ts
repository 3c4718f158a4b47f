/**
 * Sends the first view's requests before the rest of the bundle is evaluated: main.ts imports this
 * module first and esbuild keeps that evaluation order, so the API answers while the browser is
 * still compiling Cytoscape. First paint is then max(script, requests) instead of their sum.
 */
import * as api from "./api";
import { readUrl } from "./state";

const initial = readUrl();

/** Attaches a no-op handler so a failure is not reported as unhandled before main.ts awaits it. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

export const vocabularyRequest = quiet(api.vocabulary());

/** The neighbourhood the URL asks for, or null when it names no entity. */
export const firstView =
  initial.id === null
    ? null
    : {
        id: initial.id,
        depth: initial.depth,
        limit: initial.limit,
        view: quiet(api.neighborhood(initial.id, initial.depth, initial.limit)),
      };
