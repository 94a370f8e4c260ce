import { memo } from "react";
import { Handle, Position, useStore, type NodeProps, type ReactFlowState } from "@xyflow/react";
import type { PlayerFlowNode } from "@/lib/collab/flow";
import type { RemoteSelector } from "@/lib/collab/presence";
import { KIND_LABELS } from "@/lib/valuechain/model";
import { KIND_STYLE } from "./kindStyle";
import { PlayerBadges } from "./PlayerBadges";

const selectConnectable = (s: ReactFlowState) => s.nodesConnectable;

/** Other people's selections as nested rings in their colours. */
function remoteRings(remote: readonly RemoteSelector[]): string | undefined {
  if (!remote.length) return undefined;
  return remote.map((r, i) => `0 0 0 ${3 * (i + 1) + 1}px ${r.color}`).join(", ");
}

function PlayerNodeView({ data, selected }: NodeProps<PlayerFlowNode>) {
  const { player, remote } = data;
  const { color, icon: Icon } = KIND_STYLE[player.kind];
  const connectable = useStore(selectConnectable);
  const handleStyle = { width: 12, height: 12, background: color, border: "2px solid white", visibility: connectable ? "visible" : "hidden" } as const;

  return (
    <div
      data-testid="player-node"
      data-player-id={player.id}
      className={[
        "relative w-48 rounded-xl bg-white text-slate-900 shadow-sm",
        player.isUs ? "border-[3px] border-slate-900" : "border border-slate-200",
        selected ? "outline-[3px] outline-offset-2 outline-indigo-500" : "",
      ].join(" ")}
      style={{ boxShadow: remoteRings(remote) }}
    >
      {remote.length > 0 && (
        <div className="absolute -top-7 left-0 flex gap-1" aria-label={`Selected by ${remote.map((r) => r.name).join(", ")}`}>
          {remote.map((r) => (
            <span key={`${r.name}${r.color}`} className="rounded px-1.5 py-0.5 text-[11px] font-medium text-white" style={{ background: r.color }}>
              {r.name}
            </span>
          ))}
        </div>
      )}
      <Handle type="target" position={Position.Left} style={handleStyle} aria-label="Channel end" />
      <div className="flex items-center gap-2 rounded-t-[10px] px-3 py-2" style={{ background: `${color}14` }}>
        <span className="grid size-7 shrink-0 place-items-center rounded-lg text-white" style={{ background: color }}>
          <Icon className="size-4" aria-hidden />
        </span>
        <span className="truncate text-xs font-semibold" style={{ color }}>
          {KIND_LABELS[player.kind]}
        </span>
        {player.isUs && (
          <span className="ml-auto rounded bg-slate-900 px-1.5 py-0.5 text-[10px] font-bold tracking-wider text-white" title="This is us">
            US
          </span>
        )}
      </div>
      <div className="space-y-1.5 px-3 pt-1.5 pb-2.5">
        <p className={`line-clamp-2 leading-snug font-semibold ${player.name ? "" : "text-slate-400 italic"}`}>{player.name || "Unnamed"}</p>
        {player.aliases.length > 0 && <p className="truncate text-xs text-slate-500">also called {player.aliases.join(", ")}</p>}
        <PlayerBadges player={player} />
      </div>
      <Handle type="source" position={Position.Right} style={handleStyle} aria-label="Draw a channel from here" />
    </div>
  );
}

export const PlayerNode = memo(PlayerNodeView);
