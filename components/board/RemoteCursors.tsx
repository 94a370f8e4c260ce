import { useStore, ViewportPortal, type ReactFlowState } from "@xyflow/react";
import type { Awareness } from "y-protocols/awareness";
import type { FlowPoint, Peer } from "@/lib/collab/presence";
import { usePresence } from "./hooks/usePresence";

interface RemoteCursor extends FlowPoint {
  clientId: number;
  name: string;
  color: string;
}

function cursorsOf(peers: Peer[], selfId: number): RemoteCursor[] {
  return peers.flatMap((p) => (p.clientId !== selfId && p.cursor ? [{ clientId: p.clientId, ...p.cursor, name: p.user.name, color: p.user.color }] : []));
}

function sameCursors(a: RemoteCursor[], b: RemoteCursor[]): boolean {
  return a.length === b.length && a.every((c, i) => c.clientId === b[i].clientId && c.x === b[i].x && c.y === b[i].y && c.name === b[i].name && c.color === b[i].color);
}

const selectZoom = (s: ReactFlowState) => s.transform[2];

/**
 * Everyone else's pointer, in flow coordinates so it points at the same card on every
 * screen, drawn at a constant size whatever the zoom. Lives in its own component: cursor
 * movements re-render only this.
 */
export function RemoteCursors({ awareness }: { awareness: Awareness }) {
  const cursors = usePresence(awareness, cursorsOf, sameCursors);
  const zoom = useStore(selectZoom);
  return (
    <ViewportPortal>
      {cursors.map((c) => (
        <div
          key={c.clientId}
          data-testid="remote-cursor"
          className="pointer-events-none absolute top-0 left-0 transition-transform duration-75 ease-linear"
          style={{ transform: `translate(${c.x}px, ${c.y}px) scale(${1 / zoom})`, transformOrigin: "0 0", zIndex: 2000 }}
        >
          <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden className="drop-shadow-sm">
            <path d="M2 1.5 L15.5 8.2 L9 9.8 L6.2 16 Z" fill={c.color} stroke="white" strokeWidth="1.5" strokeLinejoin="round" />
          </svg>
          <span className="ml-3 inline-block rounded-md px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-white shadow-sm" style={{ background: c.color }}>
            {c.name}
          </span>
        </div>
      ))}
    </ViewportPortal>
  );
}
