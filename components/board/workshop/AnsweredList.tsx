import { Check } from "lucide-react";
import type { PublicRound } from "@/lib/collab/boardDoc";

/** Who has answered, never what: names and functions from the document's public round. */
export function AnsweredList({ answered }: { answered: PublicRound["answered"] }) {
  return (
    <div className="space-y-1">
      <h4 className="text-xs font-semibold text-slate-500">
        Answered <span className="tabular-nums">({answered.length})</span>
      </h4>
      {answered.length === 0 ? (
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
        </ul>
      )}
    </div>
  );
}
