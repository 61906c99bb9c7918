import { useSyncExternalStore } from 'react';
import {
  customersSearchSchema,
  findInvalidSearchKeys,
  type CustomersSearch,
  type SearchKey,
} from './search';

/**
 * Which parts of the last opened link the grid could not use. The router validates (and
 * canonicalises) the URL before any component sees it, so validation is where a bad value is
 * still visible; the grid reads this to say "reset" and clears it when dismissed.
 */
let flagged: readonly SearchKey[] = [];
const listeners = new Set<() => void>();

function emit(next: readonly SearchKey[]) {
  flagged = next;
  for (const listener of listeners) listener();
}

export function flagSearchProblems(keys: readonly SearchKey[]): void {
  if (keys.length > 0) emit([...new Set([...flagged, ...keys])]);
}

export function dismissSearchProblems(): void {
  if (flagged.length > 0) emit([]);
}

export function useFlaggedSearchProblems(): readonly SearchKey[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => flagged,
  );
}

/** The route's `validateSearch`: lenient parsing, remembering what had to be dropped. */
export function validateCustomersSearch(raw: Record<string, unknown>): CustomersSearch {
  flagSearchProblems(findInvalidSearchKeys(raw));
  return customersSearchSchema.parse(raw);
}
