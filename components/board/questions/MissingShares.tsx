import { ArrowRight } from "lucide-react";
import type { Board, Channel } from "@/lib/valuechain/model";
import { AnswerRow } from "./AnswerRow";
import { plural } from "./format";
import { MoreList } from "./MoreList";
import { PlayerName } from "./PlayerName";

/**
 * Question 8 when some goods channels along the routes have a share and others do not: the
 * shares of the routes cannot add up yet, so instead of numbers the panel names the channels
 * still to fill in. Pointing at one lights it up on the canvas.
 */
export function MissingShares({ board, ids }: { board: Board; ids: readonly string[] }) {
  const byId = new Map(board.channels.map((c) => [c.id, c]));
  const missing = ids.map((id) => byId.get(id)).filter((c): c is Channel => c !== undefined);
  if (missing.length === 0) return null;
  return (
    <div data-testid="missing-shares" className="mt-2 rounded-md bg-slate-50 p-2">
      <p className="px-2 text-xs text-slate-600">
        {plural(missing.length, "goods channel")} along these routes {missing.length === 1 ? "has" : "have"} no share yet, so the routes&apos; shares of
        volume cannot be worked out:
      </p>
      <MoreList
        items={missing}
        label="Channels without a share"
        noun={["channel", "channels"]}
        render={(c) => (
          <AnswerRow key={c.id} players={[c.from, c.to]} channels={[c.id]} testId="missing-share">
            <span className="flex flex-wrap items-center gap-x-1">
              <PlayerName id={c.from} aliases="tooltip" />
              <ArrowRight className="size-3.5 shrink-0 text-slate-400" aria-hidden />
              <span className="sr-only">to</span>
              <PlayerName id={c.to} aliases="tooltip" />
              {c.label.trim() && <span className="text-slate-500">(“{c.label.trim()}”)</span>}
            </span>
          </AnswerRow>
        )}
      />
    </div>
  );
}
