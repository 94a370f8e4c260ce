import { CircleCheck, Crosshair, TriangleAlert } from "lucide-react";
import type { Warning } from "@/lib/valuechain/warnings";
import { usePlayerLookup } from "../hooks/usePlayerLookup";
import { AnswerRow } from "./AnswerRow";
import { plural } from "./format";
import { MoreList } from "./MoreList";

/** What the board is missing or contradicts, each with a way to find the players concerned. */
export function WarningList({ warnings }: { warnings: readonly Warning[] }) {
  const { show } = usePlayerLookup();
  if (warnings.length === 0) {
    return (
      <p data-testid="no-warnings" className="flex items-center gap-2 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
        <CircleCheck className="size-4 shrink-0" aria-hidden />
        Nothing missing or contradictory.
      </p>
    );
  }
  return (
    <section aria-label="Warnings" className="rounded-lg border border-amber-200 bg-amber-50/60 p-2">
      <h3 className="flex items-center gap-1.5 px-2 pb-1 text-sm font-semibold text-amber-900">
        <TriangleAlert className="size-4" aria-hidden />
        {plural(warnings.length, "thing", "things")} to look at
      </h3>
      <MoreList
        items={warnings}
        label="Warnings"
        noun={["warning", "warnings"]}
        render={(warning) => (
          <AnswerRow key={`${warning.code}:${warning.ids.join(",")}:${warning.message}`} players={warning.ids} channels={warning.channels} testId="warning">
            <span className="flex items-start gap-2">
              <span className="flex-1">{warning.message}</span>
              {warning.ids.length > 0 && (
                <button
                  type="button"
                  data-testid="warning-show"
                  onClick={() => show(warning.ids)}
                  className="inline-flex shrink-0 items-center gap-1 rounded-md border border-amber-300 bg-white px-2 py-0.5 text-xs font-medium text-amber-900 hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-indigo-500"
                >
                  <Crosshair className="size-3.5" aria-hidden />
                  Show
                </button>
              )}
            </span>
          </AnswerRow>
        )}
      />
    </section>
  );
}
