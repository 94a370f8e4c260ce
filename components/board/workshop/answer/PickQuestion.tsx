import { MousePointerClick } from "lucide-react";
import { PICKED_LABELS } from "@/lib/valuechain/labels";
import type { Player } from "@/lib/valuechain/model";
import { SegmentRow } from "./SegmentRow";

/**
 * Players to pick: one (us) or several (starts, consumers), from the list or by clicking their
 * cards on the canvas while "Pick on the canvas" is on.
 */
export function PickQuestion({
  question,
  players,
  picked,
  onToggle,
  picking,
  onPicking,
}: {
  question: "us" | "starts" | "consumers";
  players: Player[];
  picked: readonly string[];
  onToggle: (id: string) => void;
  picking: boolean;
  onPicking: (on: boolean) => void;
}) {
  const one = question === "us";
  return (
    <div className="space-y-1.5">
      <button
        type="button"
        aria-pressed={picking}
        onClick={() => onPicking(!picking)}
        data-testid={`pick-on-canvas-${question}`}
        className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 aria-pressed:border-indigo-400 aria-pressed:bg-indigo-50 aria-pressed:text-indigo-800"
      >
        <MousePointerClick className="size-3.5" aria-hidden />
        {picking ? "Picking on the canvas — click cards" : "Pick on the canvas"}
      </button>
      <ul className="space-y-1">
        {players.map((p) => (
          <SegmentRow key={p.id} player={p} testId={`answer-row-${question}-${p.id}`}>
            <label className="flex cursor-pointer items-center gap-2 text-xs text-slate-700">
              <input
                type={one ? "radio" : "checkbox"}
                name={one ? "round-us" : undefined}
                checked={picked.includes(p.id)}
                onChange={() => onToggle(p.id)}
                data-testid={`answer-${question}-${p.id}`}
                className="accent-indigo-600"
              />
              {question === "us" ? "This is us" : PICKED_LABELS[question].yes}
            </label>
          </SegmentRow>
        ))}
      </ul>
    </div>
  );
}
