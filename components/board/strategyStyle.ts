import type { Strategy, Transaction } from "@/lib/valuechain/model";

/**
 * How the strategy view draws each sales strategy. Colours from the Okabe–Ito palette, which
 * stays distinguishable with the common colour-vision deficiencies; "none" is a quiet grey.
 */
export const STRATEGY_STYLE: Record<Strategy, { label: string; hint: string; color: string }> = {
  push: { label: "Push", hint: "the sales team sells into this segment", color: "#0072B2" },
  pull: { label: "Pull", hint: "we create demand so this segment asks for us", color: "#009E73" },
  "push-pull": { label: "Push and pull", hint: "both sell in and create demand", color: "#CC79A7" },
  specification: { label: "Specification", hint: "we get written into this segment's designs", color: "#E69F00" },
  none: { label: "No strategy", hint: "the sales team does not engage this segment", color: "#94A3B8" },
};

/** The outline of a card in the strategy view: how we transact with that segment. */
export const TRANSACTION_STYLE: Record<Transaction, { label: string; hint: string; border: string }> = {
  direct: { label: "Direct", hint: "we invoice them", border: "border-[3px] border-solid border-slate-900" },
  indirect: { label: "Indirect", hint: "they buy through an intermediary", border: "border-2 border-dashed border-slate-600" },
  none: { label: "No transaction", hint: "not set", border: "border border-transparent" },
};
