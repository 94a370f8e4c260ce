import type { Awareness } from "y-protocols/awareness";
import { initials, type FollowTarget, type Peer } from "@/lib/collab/presence";
import { useIsNarrow } from "./hooks/useIsNarrow";
import { usePresence } from "./hooks/usePresence";

interface Present {
  clientId: number;
  name: string;
  fn: string;
  color: string;
  self: boolean;
}

/** Everyone with an identity, this person first; only names, functions and colours (not cursors). */
function presentOf(peers: Peer[], selfId: number): Present[] {
  return peers
    .map((p) => ({ clientId: p.clientId, ...p.user, self: p.clientId === selfId }))
    .sort((a, b) => Number(b.self) - Number(a.self));
}

function samePresent(a: Present[], b: Present[]): boolean {
  return a.length === b.length && a.every((p, i) => p.clientId === b[i].clientId && p.name === b[i].name && p.fn === b[i].fn && p.color === b[i].color);
}

const SHOWN = 6;
/** On a phone the top bar has room for this person and one more. */
const SHOWN_NARROW = 2;

/**
 * Who is on the board. Clicking someone follows their view; clicking yourself changes your
 * name or function.
 */
export function Avatars({ awareness, following, onFollow, onEditIdentity }: { awareness: Awareness; following: FollowTarget | null; onFollow: (who: FollowTarget) => void; onEditIdentity: () => void }) {
  const present = usePresence(awareness, presentOf, samePresent);
  const shown = useIsNarrow() ? SHOWN_NARROW : SHOWN;
  const hidden = present.slice(shown);
  return (
    <ul className="flex items-center -space-x-1.5" aria-label="People on this board">
      {present.slice(0, shown).map((p) => {
        const isFollowed = following?.clientId === p.clientId;
        return (
          <li key={p.clientId}>
            <button
              type="button"
              data-testid="avatar"
              data-self={p.self || undefined}
              title={`${p.name} · ${p.fn}${p.self ? " (you)" : ""}`}
              aria-label={p.self ? `You (${p.name}): change your name` : isFollowed ? `Stop following ${p.name}` : `Follow ${p.name}`}
              aria-pressed={p.self ? undefined : isFollowed}
              onClick={() => (p.self ? onEditIdentity() : onFollow({ clientId: p.clientId, name: p.name, color: p.color }))}
              className={`relative grid size-8 place-items-center rounded-full border-2 text-xs font-semibold text-white transition hover:z-10 hover:scale-110 focus-visible:z-10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 ${isFollowed ? "z-10 border-slate-900" : "border-white"}`}
              style={{ background: p.color }}
            >
              {initials(p.name)}
            </button>
          </li>
        );
      })}
      {hidden.length > 0 && (
        <li className="grid size-8 place-items-center rounded-full border-2 border-white bg-slate-200 text-xs font-semibold text-slate-700" title={hidden.map((p) => `${p.name} · ${p.fn}`).join("\n")}>
          +{hidden.length}
        </li>
      )}
    </ul>
  );
}
