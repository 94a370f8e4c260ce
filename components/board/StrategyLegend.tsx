import { useMemo } from "react";
import { STRATEGY_LABELS, TRANSACTION_LABELS } from "@/lib/valuechain/labels";
import { STRATEGIES, TRANSACTIONS, type Board, type Strategy } from "@/lib/valuechain/model";
import { STRATEGY_STYLE, TRANSACTION_STYLE } from "./strategyStyle";
import { useHiddenAnswers } from "./workshop/BlindContext";

/** What the strategy view's colours and outlines mean, with how many players have each strategy. */
export function StrategyLegend({ board }: { board: Board }) {
  // A blind round on strategy: the counts would give the answers away.
  const countsHidden = useHiddenAnswers().has("strategy");
  const counts = useMemo(() => {
    const byStrategy = Object.fromEntries(STRATEGIES.map((s) => [s, 0])) as Record<Strategy, number>;
    for (const p of board.players) byStrategy[p.strategy]++;
    return byStrategy;
  }, [board.players]);

  return (
    <section data-testid="strategy-legend" aria-label="Strategy view legend" className="w-56 space-y-2 rounded-lg border border-slate-200 bg-white/95 p-3 text-xs text-slate-700 shadow-sm backdrop-blur">
      <h2 className="font-semibold text-slate-900">Sales strategy</h2>
      <ul className="space-y-1">
        {STRATEGIES.map((strategy) => {
          const { label, hint } = STRATEGY_LABELS[strategy];
          const { color } = STRATEGY_STYLE[strategy];
          return (
            <li key={strategy} title={hint} className="flex items-center gap-2">
              <span className="size-3.5 shrink-0 rounded-sm ring-1 ring-black/10" style={{ background: color }} aria-hidden />
              <span className="flex-1">{label}</span>
              <span data-testid={`strategy-count-${strategy}`} className="font-semibold text-slate-900 tabular-nums">
                {countsHidden ? "–" : counts[strategy]}
              </span>
            </li>
          );
        })}
      </ul>
      <h2 className="border-t border-slate-200 pt-2 font-semibold text-slate-900">How we transact</h2>
      <ul className="space-y-1">
        {TRANSACTIONS.map((transaction) => {
          const { label, hint } = TRANSACTION_LABELS[transaction];
          const { border } = TRANSACTION_STYLE[transaction];
          return (
            <li key={transaction} className="flex items-center gap-2">
              <span className={`h-3.5 w-5 shrink-0 rounded-sm bg-white ${transaction === "none" ? "border border-slate-200" : border}`} aria-hidden />
              <span>
                {label} <span className="text-slate-500">— {hint}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
