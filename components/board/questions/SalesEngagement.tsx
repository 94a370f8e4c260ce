import { useId, useMemo } from "react";
import { STRATEGY_LABELS, TRANSACTION_LABELS } from "@/lib/valuechain/labels";
import { STRATEGIES, type Board, type Player, type Strategy } from "@/lib/valuechain/model";
import { STRATEGY_STYLE } from "../strategyStyle";
import { AnswerRow } from "./AnswerRow";
import { plural } from "./format";
import { MoreList } from "./MoreList";
import { PlayerName } from "./PlayerName";

const TRANSACTION_TAG = {
  direct: "bg-slate-900 text-white",
  indirect: "border border-dashed border-slate-500 text-slate-700",
} as const;

/**
 * The sales-strategy view of the panel: which segments the sales team engages, grouped by how
 * (push, pull, both, specification), each with whether we transact with it directly or through
 * an intermediary. Segments without a strategy come last: those the team leaves alone.
 */
export function SalesEngagement({ board }: { board: Board }) {
  const headingId = useId();
  const groups = useMemo(() => {
    const byStrategy = new Map<Strategy, Player[]>(STRATEGIES.map((s) => [s, []]));
    for (const p of board.players) if (!p.isUs) byStrategy.get(p.strategy)?.push(p);
    return STRATEGIES.map((strategy) => ({ strategy, players: byStrategy.get(strategy) as Player[] })).filter((g) => g.players.length > 0);
  }, [board.players]);

  return (
    <section data-testid="sales-engagement" aria-labelledby={headingId} className="space-y-2 rounded-lg border border-slate-200 p-3">
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        How the sales team engages each segment
      </h3>
      {groups.length === 0 && <p className="text-sm text-slate-600">No segments on the board yet.</p>}
      {groups.map(({ strategy, players }) => {
        const { label, hint } = STRATEGY_LABELS[strategy];
        const { color } = STRATEGY_STYLE[strategy];
        return (
          <div key={strategy} data-testid={`engagement-${strategy}`}>
            <h4 className="flex items-center gap-2 px-2 text-xs font-semibold text-slate-700">
              <span className="size-3 shrink-0 rounded-sm" style={{ background: color }} aria-hidden />
              {label}
              <span className="ml-auto font-normal text-slate-500">{plural(players.length, "segment")}</span>
            </h4>
            <p className="px-2 pl-7 text-xs text-slate-500">{hint}</p>
            <MoreList
              items={players}
              label={label}
              noun={["segment", "segments"]}
              render={(p) => (
                <AnswerRow key={p.id} players={[p.id]}>
                  <span className="flex items-start gap-2">
                    <span className="flex-1">
                      <PlayerName id={p.id} />
                    </span>
                    {p.transaction !== "none" && (
                      <span title={TRANSACTION_LABELS[p.transaction].hint} className={`shrink-0 rounded px-1.5 text-[11px] font-medium ${TRANSACTION_TAG[p.transaction]}`}>
                        {TRANSACTION_LABELS[p.transaction].label}
                      </span>
                    )}
                  </span>
                </AnswerRow>
              )}
            />
          </div>
        );
      })}
    </section>
  );
}
