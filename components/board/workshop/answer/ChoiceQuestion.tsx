import { QUESTION_LABELS, type ValueLabel } from "@/lib/valuechain/labels";
import type { Player } from "@/lib/valuechain/model";
import { SegmentRow } from "./SegmentRow";

/** One choice per segment from a short list (sales strategy, direct or indirect). */
export function ChoiceQuestion<T extends string>({
  question,
  segments,
  choices,
  value,
  onChange,
}: {
  question: "strategy" | "transaction";
  segments: Player[];
  choices: Record<T, ValueLabel>;
  value: Partial<Record<string, T>>;
  onChange: (next: Record<string, T>) => void;
}) {
  const set = (id: string, choice: string) => {
    const next = { ...value } as Record<string, T>;
    if (choice) next[id] = choice as T;
    else delete next[id];
    onChange(next);
  };
  return (
    <ul className="space-y-1.5">
      {segments.map((p) => (
        <SegmentRow key={p.id} player={p} testId={`answer-row-${question}-${p.id}`}>
          <select
            value={value[p.id] ?? ""}
            onChange={(event) => set(p.id, event.target.value)}
            aria-label={`${QUESTION_LABELS[question].label} for ${p.name || "this segment"}`}
            data-testid={`answer-${question}-${p.id}`}
            className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus:border-indigo-500 focus:outline-none"
          >
            <option value="">Not answered</option>
            {(Object.entries(choices) as [T, ValueLabel][]).map(([choice, { label }]) => (
              <option key={choice} value={choice}>
                {label}
              </option>
            ))}
          </select>
        </SegmentRow>
      ))}
    </ul>
  );
}
