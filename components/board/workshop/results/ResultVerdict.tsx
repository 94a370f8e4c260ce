import type { ReactNode } from "react";
import type { ItemScore } from "@/lib/valuechain/rounds";
import { listWords } from "../../questions/format";

/**
 * What the answers add up to, said honestly: the answer most gave (with its Adopt, when the
 * facilitator may adopt), a tie as a tie, or that nobody but one person gave any answer.
 */
export function ResultVerdict({ item, label, adopt }: { item: ItemScore; label: (value: string) => string; adopt: ReactNode }) {
  const names = item.question === "names";
  if (item.leading !== null) {
    if (names) return null;
    return (
      <div data-testid="result-verdict" data-verdict="leading" className="flex items-center justify-between gap-2 border-t border-slate-100 pt-1.5">
        <span className="text-[11px] text-slate-500">
          Most common: <strong className="text-slate-800">{label(item.leading)}</strong>
        </span>
        {adopt}
      </div>
    );
  }
  if (item.tied.length) {
    const count = item.distribution[0]?.count ?? 0;
    return (
      <p data-testid="result-tie" data-verdict="tie" className="border-t border-slate-100 pt-1.5 text-[11px] text-slate-600">
        <strong className="text-slate-800">A tie:</strong> {listWords(item.tied.map(label))}, {count} each. No answer leads.
      </p>
    );
  }
  return (
    <p data-testid="result-no-leader" data-verdict="alone" className="border-t border-slate-100 pt-1.5 text-[11px] text-slate-600">
      {names ? "Each name was proposed by one person only: no name is shared yet." : "Only one person gave this answer: not yet the group's."}
    </p>
  );
}
