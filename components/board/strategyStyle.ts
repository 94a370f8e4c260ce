import type { Strategy, Transaction } from "@/lib/valuechain/model";

/**
 * How the strategy view draws each sales strategy (their words: lib/valuechain/labels.ts).
 * Colours from the Okabe–Ito palette, which stays distinguishable with the common
 * colour-vision deficiencies; "none" is a quiet grey.
 */
export const STRATEGY_STYLE: Record<Strategy, { color: string }> = {
  push: { color: "#0072B2" },
  pull: { color: "#009E73" },
  "push-pull": { color: "#CC79A7" },
  specification: { color: "#E69F00" },
  none: { color: "#94A3B8" },
};

/** The outline of a card in the strategy view: how we transact with that segment. */
export const TRANSACTION_STYLE: Record<Transaction, { border: string }> = {
  direct: { border: "border-[3px] border-solid border-slate-900" },
  indirect: { border: "border-2 border-dashed border-slate-600" },
  none: { border: "border border-transparent" },
};
