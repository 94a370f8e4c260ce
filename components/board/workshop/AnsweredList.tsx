import { Check } from "lucide-react";
import type { PublicRound } from "@/lib/collab/boardDoc";

/**
 * Who has answered, never what: names and functions from the document's public round. The
 * document names only the first of them (MAX_ANSWERED_NAMES); the others show as a count.
 */
export function AnsweredList({ answered, count }: { answered: PublicRound["answered"]; count: number }) {
  const more = count - answered.length;
  return (
    <div className="space-y-1">
      <h4 className="text-xs font-semibold text-slate-500">
        Answered <span data-testid="answered-count" className="tabular-nums">({count})</span>
      </h4>
      {count === 0 ? (
        <p data-testid="answered-list" className="text-xs text-slate-500 italic">
          Nobody yet.
        </p>
      ) : (
        <ul data-testid="answered-list" className="flex flex-wrap gap-1" aria-label="Who has answered">
          {answered.map((a) => (
            <li
              key={a.ref}
              data-testid="answered-name"
              className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200 ring-inset"
            >
              <Check className="size-3" aria-hidden />
              {a.name}
              {a.function && <span className="font-normal text-emerald-700/80">· {a.function}</span>}
            </li>
          ))}
          {more > 0 && (
            <li data-testid="answered-more" className="inline-flex items-center rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">
              and {more} more
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
