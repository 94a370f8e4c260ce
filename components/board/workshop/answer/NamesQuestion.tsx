import type { Player } from "@/lib/valuechain/model";
import { SegmentRow } from "./SegmentRow";

/** The name each participant uses for each segment; the board's name until typed over. */
export function NamesQuestion({ segments, value, onChange }: { segments: Player[]; value: Record<string, string>; onChange: (next: Record<string, string>) => void }) {
  return (
    <ul className="space-y-1.5">
      {segments.map((p) => (
        <SegmentRow key={p.id} player={p} testId={`answer-row-names-${p.id}`}>
          <input
            type="text"
            value={value[p.id] ?? p.name}
            maxLength={200}
            onChange={(event) => onChange({ ...value, [p.id]: event.target.value })}
            aria-label={`What you call ${p.name || "this segment"}`}
            data-testid={`answer-names-${p.id}`}
            className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-indigo-500 focus:outline-none"
          />
          {p.aliases.length > 0 && <p className="text-[11px] text-slate-500">Also called {p.aliases.join(", ")}</p>}
        </SegmentRow>
      ))}
    </ul>
  );
}
