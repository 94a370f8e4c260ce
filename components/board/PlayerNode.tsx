import { memo, useContext } from "react";
import { Handle, Position, useStore, type NodeProps, type ReactFlowState } from "@xyflow/react";
import type { PlayerFlowNode } from "@/lib/canvas/flow";
import type { RemoteSelector } from "@/lib/collab/presence";
import { KIND_LABELS } from "@/lib/valuechain/labels";
import type { Player } from "@/lib/valuechain/model";
import { useIsHighlighted } from "./hooks/useIsHighlighted";
import { KIND_STYLE } from "./kindStyle";
import { PlayerBadges } from "./PlayerBadges";
import { CommentCount } from "./comments/CommentCount";
import { useCommentCount } from "./comments/CommentsContext";
import { StrategyViewContext } from "./StrategyViewContext";
import { STRATEGY_STYLE, TRANSACTION_STYLE } from "./strategyStyle";
import { usePlayerMark } from "./workshop/AgreementContext";
import { AgreementMark } from "./workshop/AgreementMark";
import { isFarZoom } from "./zoomLevels";

const selectConnectable = (s: ReactFlowState) => s.nodesConnectable;
const selectFar = (s: ReactFlowState) => isFarZoom(s.transform[2], s.nodeLookup.size);
/** A wide amber glow, beneath other people's selection rings, for what the questions panel points at. */
const HIGHLIGHT_GLOW = "0 0 0 6px #fbbf24, 0 0 22px 10px rgb(251 191 36 / 0.6)";
/** In the strategy view the kind steps back to grey, so the strategy colour is what stands out. */
const QUIET_KIND_COLOR = "#475569";

/** Other people's selections as nested rings in their colours, then the highlight around them all. */
function rings(remote: readonly RemoteSelector[], highlighted: boolean): string | undefined {
  const shadows = remote.map((r, i) => `0 0 0 ${3 * (i + 1) + 1}px ${r.color}`);
  if (highlighted) shadows.push(HIGHLIGHT_GLOW);
  return shadows.length ? shadows.join(", ") : undefined;
}

/** Normal view: white card, us outlined thick. Strategy view: tinted by strategy, outlined by transaction. */
function cardLook(player: Player, strategyView: boolean): { className: string; background: string; band: string } {
  if (!strategyView) {
    return { className: player.isUs ? "border-[3px] border-slate-900" : "border border-slate-200", background: "white", band: `${KIND_STYLE[player.kind].color}14` };
  }
  const { color } = STRATEGY_STYLE[player.strategy];
  // Tints of the strategy colour over white: light on the body, stronger on the header band.
  return { className: TRANSACTION_STYLE[player.transaction].border, background: `color-mix(in srgb, ${color} 14%, white)`, band: `color-mix(in srgb, ${color} 45%, white)` };
}

/**
 * A card seen from far out: an empty box of the card's size, to be grabbed, dragged, selected
 * and focused. What shows there is drawn by the far overview (overview/FarOverview.tsx), in
 * one picture for the whole board; an empty box paints nothing, so a thousand of them cost the
 * browser nothing to draw.
 */
function FarCard({ player }: { player: Player }) {
  return <div data-testid="player-node" data-player-id={player.id} data-far className="h-[100px] w-48" title={player.name || "Unnamed"} />;
}

function PlayerNodeView({ id, data, selected }: NodeProps<PlayerFlowNode>) {
  const far = useStore(selectFar);
  const strategyView = useContext(StrategyViewContext);
  if (far) return <FarCard player={data.player} />;
  return <NearCard id={id} data={data} selected={selected === true} strategyView={strategyView} />;
}

function NearCard({ id, data, selected, strategyView }: { id: string; data: PlayerFlowNode["data"]; selected: boolean; strategyView: boolean }) {
  const { player, remote } = data;
  const highlighted = useIsHighlighted("players", id);
  const mark = usePlayerMark(id);
  const { icon: Icon } = KIND_STYLE[player.kind];
  const color = strategyView ? QUIET_KIND_COLOR : KIND_STYLE[player.kind].color;
  const look = cardLook(player, strategyView);
  const connectable = useStore(selectConnectable);
  const threads = useCommentCount(id);
  const handleStyle = { width: 12, height: 12, background: color, border: "2px solid white", visibility: connectable ? "visible" : "hidden" } as const;

  return (
    <div
      data-testid="player-node"
      data-player-id={player.id}
      data-highlighted={highlighted}
      data-agreement={mark.agreement?.level}
      data-strategy={strategyView ? player.strategy : undefined}
      data-transaction={strategyView ? player.transaction : undefined}
      className={[
        "relative w-48 rounded-xl text-slate-900 shadow-sm",
        look.className,
        selected ? "outline-[3px] outline-offset-2 outline-indigo-500" : "",
      ].join(" ")}
      style={{ background: look.background, boxShadow: rings(remote, highlighted) }}
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
      <AgreementMark mark={mark} />
      {threads > 0 && (
        <span className="absolute -top-2.5 -left-2.5 z-10">
          <CommentCount id={id} count={threads} />
        </span>
      )}
      <Handle type="target" position={Position.Left} style={handleStyle} />
      <div className="flex items-center gap-2 rounded-t-[10px] px-3 py-2" style={{ background: look.band }}>
        <span className="grid size-7 shrink-0 place-items-center rounded-lg text-white" style={{ background: color }}>
          <Icon className="size-4" aria-hidden />
        </span>
        {/* The kind's colour, darkened enough to read on its tinted band (WCAG AA). */}
        <span className="truncate text-xs font-semibold" style={{ color: `color-mix(in srgb, ${color} 72%, black)` }}>
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
      <Handle type="source" position={Position.Right} style={handleStyle} title="Drag to another card to draw a channel" />
    </div>
  );
}

export const PlayerNode = memo(PlayerNodeView);
