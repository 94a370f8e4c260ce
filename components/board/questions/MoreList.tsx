import { useState, type ReactNode } from "react";
import { plural } from "./format";

/** Rows added per click: a board of thousands of players must not render thousands of rows at once. */
const STEP = 25;

interface MoreListProps<T> {
  items: readonly T[];
  render: (item: T, index: number) => ReactNode;
  ordered?: boolean;
  label?: string;
  /** What one item is called, for the "Show more" button. */
  noun: [one: string, many: string];
}

/** A list showing its first rows, and more on request. */
export function MoreList<T>({ items, render, ordered = false, label, noun }: MoreListProps<T>) {
  const [shown, setShown] = useState(STEP);
  const List = ordered ? "ol" : "ul";
  const hidden = items.length - shown;
  return (
    <>
      <List aria-label={label} className="space-y-0.5">
        {items.slice(0, shown).map(render)}
      </List>
      {hidden > 0 && (
        <button
          type="button"
          onClick={() => setShown((n) => n + STEP)}
          className="ml-2 text-xs font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500"
        >
          Show more ({plural(hidden, ...noun)} not shown)
        </button>
      )}
    </>
  );
}
