import { useLayoutEffect, useRef } from "react";

/**
 * Splits `items` into those that are `moving` and the rest. The rest keeps the identity of its
 * array while it holds the same objects, so a memoised group drawing it skips every frame of
 * a drag (and the browser keeps its pixels); the check allocates nothing on such frames.
 */
export function useStableSplit<T>(items: readonly T[], moving: (item: T) => boolean): [still: readonly T[], live: readonly T[]] {
  const previous = useRef<readonly T[]>([]);
  const before = previous.current;
  const live: T[] = [];
  let still: T[] | null = null;
  let j = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (moving(item)) {
      live.push(item);
      continue;
    }
    if (still) still.push(item);
    else if (before[j] !== item) {
      // The first difference: from here on, build a new array.
      still = before.slice(0, j) as T[];
      still.push(item);
    }
    j++;
  }
  const kept = still ?? (j === before.length ? before : before.slice(0, j));
  useLayoutEffect(() => {
    previous.current = kept;
  });
  return [kept, live];
}
