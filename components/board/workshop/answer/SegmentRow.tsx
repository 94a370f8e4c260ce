import type { ReactNode } from "react";
import { KIND_LABELS } from "@/lib/valuechain/labels";
import type { Player } from "@/lib/valuechain/model";
import { useHighlightOnHover } from "../../hooks/useHighlightOnHover";
import { KIND_STYLE } from "../../kindStyle";

/** One segment in an answer form; pointing at it lights its card up on the canvas. */
export function SegmentRow({ player, testId, children }: { player: Player; testId: string; children: ReactNode }) {
  const hover = useHighlightOnHover([player.id]);
  return (
    <li data-testid={testId} data-player-id={player.id} {...hover} className="space-y-1.5 rounded-lg border border-slate-200 bg-white px-2.5 py-2">
      <div className="flex items-baseline justify-between gap-2">
        <span className={`truncate text-sm font-semibold ${player.name ? "" : "text-slate-400 italic"}`}>{player.name || "Unnamed"}</span>
        <span className="shrink-0 text-[11px] font-medium" style={{ color: KIND_STYLE[player.kind].color }}>
          {KIND_LABELS[player.kind]}
        </span>
      </div>
      {children}
    </li>
  );
}
