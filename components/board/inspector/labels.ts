import type { CustomerDecision, Flow, Strategy, Transaction } from "@/lib/valuechain/model";

/** Wording of the answers, shared by the editable inspector and the read-only details. */
export const CUSTOMER_LABELS: Record<CustomerDecision, string> = { yes: "Yes", no: "No", undecided: "Undecided" };

export const STRATEGY_LABELS: Record<Strategy, string> = {
  push: "Push — we sell into this segment",
  pull: "Pull — we create demand so they ask for us",
  "push-pull": "Push and pull",
  specification: "Specification — we get written into designs",
  none: "Not set",
};

export const TRANSACTION_LABELS: Record<Transaction, string> = {
  direct: "Direct — we invoice them",
  indirect: "Indirect — through an intermediary",
  none: "Not set",
};

export const FLOW_LABELS: Record<Flow, string> = {
  goods: "Goods — the product moves this way",
  commercial: "Commercial — who invoices whom",
  influence: "Influence — recommends or specifies",
};
