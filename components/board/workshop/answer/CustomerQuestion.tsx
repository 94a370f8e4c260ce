import { CUSTOMER_DECISIONS, type Player } from "@/lib/valuechain/model";
import { CUSTOMER_LABELS } from "@/lib/valuechain/labels";
import type { RoundAnswers } from "@/lib/valuechain/rounds";
import { SegmentRow } from "./SegmentRow";

type CustomerAnswers = NonNullable<RoundAnswers["customer"]>;

const CHOICE_STYLE = {
  yes: "has-checked:border-emerald-400 has-checked:bg-emerald-50 has-checked:text-emerald-800",
  no: "has-checked:border-rose-400 has-checked:bg-rose-50 has-checked:text-rose-800",
  undecided: "has-checked:border-amber-400 has-checked:bg-amber-50 has-checked:text-amber-800",
} as const;

/** Customer or not, and why, for each segment. */
export function CustomerQuestion({ segments, value, onChange }: { segments: Player[]; value: CustomerAnswers; onChange: (next: CustomerAnswers) => void }) {
  const set = (id: string, patch: Partial<CustomerAnswers[string]>) => {
    const current = value[id];
    const next = { ...current, ...patch } as CustomerAnswers[string];
    onChange({ ...value, [id]: next });
  };
  return (
    <ul className="space-y-1.5">
      {segments.map((p) => {
        const answer = value[p.id];
        return (
          <SegmentRow key={p.id} player={p} testId={`answer-row-customer-${p.id}`}>
            <div role="radiogroup" aria-label={`Is ${p.name || "this segment"} a customer?`} className="grid grid-cols-3 gap-1">
              {CUSTOMER_DECISIONS.map((decision) => (
                <label
                  key={decision}
                  className={`flex cursor-pointer items-center gap-1.5 rounded-md border border-slate-200 px-1.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 ${CHOICE_STYLE[decision]}`}
                >
                  <input
                    type="radio"
                    name={`round-customer-${p.id}`}
                    value={decision}
                    checked={answer?.value === decision}
                    onChange={() => set(p.id, { value: decision })}
                    data-testid={`answer-customer-${p.id}-${decision}`}
                    className="accent-indigo-600"
                  />
                  {CUSTOMER_LABELS[decision].label}
                </label>
              ))}
            </div>
            {answer && (
              <input
                type="text"
                value={answer.why ?? ""}
                maxLength={2000}
                onChange={(event) => set(p.id, { why: event.target.value })}
                placeholder="Why? (optional)"
                aria-label={`Why, for ${p.name || "this segment"}`}
                data-testid={`answer-why-${p.id}`}
                className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none"
              />
            )}
          </SegmentRow>
        );
      })}
    </ul>
  );
}
