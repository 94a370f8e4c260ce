import { useInternalNode, ViewportPortal } from "@xyflow/react";
import type { PlayerMove } from "@/lib/valuechain/boardDiff";
import { CARD_HEIGHT, CARD_WIDTH } from "../boardCommands";
import { DIFF_STYLE } from "./diffStyle";

const MARKER_ID = "chainboard-move-arrow";
const { color } = DIFF_STYLE.moved;

/** For each moved player, a faint outline where it was and an arrow from there to where it is now (flow coordinates). */
export function MoveArrows({ moves }: { moves: readonly PlayerMove[] }) {
  if (moves.length === 0) return null;
  return (
    <ViewportPortal>
      <svg aria-hidden className="pointer-events-none absolute top-0 left-0 size-px overflow-visible">
        <defs>
          <marker id={MARKER_ID} viewBox="0 0 12 12" refX="10" refY="6" markerWidth="12" markerHeight="12" markerUnits="userSpaceOnUse" orient="auto">
            <path d="M1,1 L11,6 L1,11 z" fill={color} fillOpacity={0.6} />
          </marker>
        </defs>
        {moves.map((move) => (
          <MoveArrow key={move.id} move={move} />
        ))}
      </svg>
    </ViewportPortal>
  );
}

function MoveArrow({ move }: { move: PlayerMove }) {
  const node = useInternalNode(move.id);
  const width = node?.measured.width ?? CARD_WIDTH;
  const height = node?.measured.height ?? CARD_HEIGHT;
  const from = { x: move.from.x + width / 2, y: move.from.y + height / 2 };
  const to = { x: move.to.x + width / 2, y: move.to.y + height / 2 };
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  // Stop at the edge of the card where it is now (plus a little air), not under it.
  const inside = Math.min(dx ? (width / 2 + 8) / Math.abs(dx) : Infinity, dy ? (height / 2 + 8) / Math.abs(dy) : Infinity);
  const t = Math.max(0, 1 - inside);
  return (
    <g data-testid="move-arrow" data-player-id={move.id}>
      <rect x={move.from.x} y={move.from.y} width={width} height={height} rx={12} fill={color} fillOpacity={0.04} stroke={color} strokeOpacity={0.35} strokeDasharray="6 6" />
      <line x1={from.x} y1={from.y} x2={from.x + dx * t} y2={from.y + dy * t} stroke={color} strokeOpacity={0.55} strokeWidth={2} strokeDasharray="4 4" markerEnd={`url(#${MARKER_ID})`} />
      <circle cx={from.x} cy={from.y} r={4} fill={color} fillOpacity={0.55} />
    </g>
  );
}
