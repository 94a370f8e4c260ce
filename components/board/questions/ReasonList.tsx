import { TriangleAlert } from "lucide-react";
import type { Reason } from "@/lib/valuechain/answers";
import { AnswerRow } from "./AnswerRow";
import { MoreList } from "./MoreList";
import { PlayerName } from "./PlayerName";

/** Players with the reason recorded for them; a decision without a reason is flagged. */
export function ReasonList({ reasons, label, flagMissing = true }: { reasons: readonly Reason[]; label: string; flagMissing?: boolean }) {
  return (
    <MoreList
      items={reasons}
      label={label}
      noun={["player", "players"]}
      render={({ id, why }) => (
        <AnswerRow key={id} players={[id]}>
          <PlayerName id={id} />
          {why.trim() ? (
            <span className="block text-slate-600">{why}</span>
          ) : (
            flagMissing && <MissingReason />
          )}
        </AnswerRow>
      )}
    />
  );
}

export function MissingReason() {
  return (
    <span data-testid="missing-why" className="flex items-center gap-1 text-xs font-medium text-rose-700">
      <TriangleAlert className="size-3.5" aria-hidden />
      No reason written down yet
    </span>
  );
}
