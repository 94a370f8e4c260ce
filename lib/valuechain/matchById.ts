/**
 * Two versions of a list of records matched by id, for the diffs: what only the second has,
 * what only the first has, and the pairs in both. Every list is sorted by id.
 */
import { sortById } from "./model";

export interface Matched<T> {
  added: T[];
  removed: T[];
  kept: [before: T, after: T][];
}

export function matchById<T extends { id: string }>(before: T[], after: T[]): Matched<T> {
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterIds = new Set(after.map((item) => item.id));
  const sortedAfter = sortById(after);
  return {
    added: sortedAfter.filter((item) => !beforeById.has(item.id)),
    removed: sortById(before).filter((item) => !afterIds.has(item.id)),
    kept: sortedAfter.flatMap((item) => {
      const old = beforeById.get(item.id);
      return old === undefined ? [] : [[old, item] as [T, T]];
    }),
  };
}
