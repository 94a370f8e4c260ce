import { useState } from "react";
import { KIND_LABELS } from "@/lib/valuechain/labels";
import type { PlayerKind } from "@/lib/valuechain/model";
import { AnswerRow } from "./AnswerRow";
import { PlayerName } from "./PlayerName";

/** Names shown per kind before "show all": a big board must not render thousands at once. */
const FIRST = 12;

/** Question 1: the players, one row per kind, in the order of the kinds along a chain. */
export function PlayersByKind({ groups }: { groups: Partial<Record<PlayerKind, string[]>> }) {
  const kinds = Object.keys(groups) as PlayerKind[];
  return (
    <ul aria-label="Players by kind" className="space-y-0.5">
      {kinds.map((kind) => (
        <KindGroup key={kind} kind={kind} ids={groups[kind] as string[]} />
      ))}
    </ul>
  );
}

function KindGroup({ kind, ids }: { kind: PlayerKind; ids: string[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? ids : ids.slice(0, FIRST);
  return (
    <AnswerRow players={ids}>
      <span className="block text-xs font-semibold text-slate-500">{KIND_LABELS[kind]}</span>
      <span className="flex flex-wrap gap-x-2">
        {shown.map((id, i) => (
          <span key={id}>
            <PlayerName id={id} />
            {i < ids.length - 1 && ","}
          </span>
        ))}
        {shown.length < ids.length && (
          <button type="button" onClick={() => setAll(true)} className="text-xs font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500">
            and {ids.length - shown.length} more
          </button>
        )}
      </span>
    </AnswerRow>
  );
}
