import { STRATEGY_COLORS } from "@/lib/canvas/palette";
import type { Strategy, Transaction } from "@/lib/valuechain/model";

/**
 * How the strategy view draws each sales strategy (their words: lib/valuechain/labels.ts;
 * the colours: lib/canvas/palette.ts).
 */
export const STRATEGY_STYLE: Record<Strategy, { color: string }> = {
  push: { color: STRATEGY_COLORS.push },
  pull: { color: STRATEGY_COLORS.pull },
  "push-pull": { color: STRATEGY_COLORS["push-pull"] },
  specification: { color: STRATEGY_COLORS.specification },
  none: { color: STRATEGY_COLORS.none },
};

/** The outline of a card in the strategy view: how we transact with that segment. */
export const TRANSACTION_STYLE: Record<Transaction, { border: string }> = {
  direct: { border: "border-[3px] border-solid border-slate-900" },
  indirect: { border: "border-2 border-dashed border-slate-600" },
  none: { border: "border border-transparent" },
};
