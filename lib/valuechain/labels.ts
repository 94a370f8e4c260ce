/**
 * The words for the model's values, one table per value set, read by every place that shows
 * them: the inspector, the cards and legends, the questions panel, the workshop and the round
 * summary. One table each, so a value is called the same everywhere.
 *
 * `label` names a value on its own (a choice, a legend entry, an answer in the results); `hint`
 * says what it means where there is room for a few more words, lower-case so it can follow a
 * dash ("Push — we sell into this segment") or stand as a tooltip (`asSentence`).
 */
import type { AgreementLevel } from "./agreement";
import type { CustomerDecision, Flow, PlayerKind, Strategy, Transaction } from "./model";
import type { RoundQuestion } from "./rounds";

export interface ValueLabel {
  label: string;
  hint: string;
  /** A shorter label where room is tight (a card's badge); `label` when absent. */
  short?: string;
}

export const KIND_LABELS: Record<PlayerKind, string> = {
  supplier: "Supplier",
  manufacturer: "Manufacturer",
  importer: "Importer",
  distributor: "Distributor",
  wholesaler: "Wholesaler",
  retailer: "Retailer / dealer",
  installer: "Installer",
  specifier: "Specifier",
  "end-user": "End user",
  "service-provider": "Service provider",
  other: "Other",
};

export const CUSTOMER_LABELS: Record<CustomerDecision, ValueLabel> = {
  yes: { label: "Customer", hint: "a customer of ours" },
  no: { label: "Not a customer", hint: "not a customer of ours" },
  undecided: { label: "Undecided", hint: "not decided yet whether this is a customer" },
};

export const STRATEGY_LABELS: Record<Strategy, ValueLabel> = {
  push: { label: "Push", hint: "we sell into this segment" },
  pull: { label: "Pull", hint: "we create demand so this segment asks for us" },
  "push-pull": { label: "Push and pull", short: "Push-pull", hint: "we both sell into and create demand in this segment" },
  specification: { label: "Specification", short: "Spec", hint: "we get written into this segment's designs" },
  none: { label: "No strategy", hint: "the sales team does not engage this segment" },
};

export const TRANSACTION_LABELS: Record<Transaction, ValueLabel> = {
  direct: { label: "Direct", hint: "we invoice them" },
  indirect: { label: "Indirect", hint: "they buy through an intermediary" },
  none: { label: "No transaction", hint: "not set" },
};

export const FLOW_LABELS: Record<Flow, ValueLabel> = {
  goods: { label: "Goods", hint: "the product or service moves along it" },
  commercial: { label: "Commercial", hint: "who invoices whom" },
  influence: { label: "Influence", hint: "recommends or specifies" },
};

export const AGREEMENT_LABELS: Record<AgreementLevel, string> = { unanimous: "Unanimous", majority: "Majority", split: "Split" };

/** A workshop question: its name, what it asks a participant, and a word on it where it is chosen. */
export const QUESTION_LABELS: Record<RoundQuestion, { label: string; prompt: string; note?: string }> = {
  customer: { label: "Customer or not", prompt: "Is each segment our customer, and why?", note: "with why" },
  strategy: { label: "Sales strategy", prompt: "Do we push, pull, both, or get specified — per segment?" },
  transaction: { label: "Direct or indirect", prompt: "Do we invoice each segment directly, or through an intermediary?" },
  us: { label: "Where are we", prompt: "Which player is us?" },
  starts: { label: "Who starts the chain", prompt: "Which players start the value chain?" },
  consumers: { label: "Who ultimately consumes", prompt: "Which players ultimately consume what we sell?" },
  names: { label: "What do you call this segment", prompt: "What do you call each segment?", note: "terminology" },
};

/** The starts and consumers questions are scored per player as yes / no: what each says. */
export const PICKED_LABELS: Record<"starts" | "consumers", Record<"yes" | "no", string>> = {
  starts: { yes: "Starts the chain", no: "Does not start it" },
  consumers: { yes: "Ultimate consumer", no: "Not the consumer" },
};

/**
 * The eight value-chain questions (PRODUCT.md) as the questions panel, the facilitator's
 * walkthrough and the report ask them, numbered 1 to 8 in this order.
 */
export const EIGHT_QUESTIONS = [
  "Who makes up our value chain?",
  "Who ultimately consumes what we sell?",
  "Who starts the chain?",
  "Where are we in this picture?",
  "Who are our customers?",
  "Who is not a customer?",
  "Why?",
  "How many parallel distribution channels are there?",
] as const;

/** "Push — we sell into this segment": a value with its meaning, where there is room. */
export function withHint(value: ValueLabel): string {
  return `${value.label} — ${value.hint}`;
}

/** A hint as a sentence of its own, for a tooltip: "We sell into this segment". */
export function asSentence(hint: string): string {
  return hint.charAt(0).toUpperCase() + hint.slice(1);
}

/**
 * The words for an answer to a workshop question whose answers are values of a set (customer,
 * strategy, transaction, starts, consumers); the value itself for the others (a player id, a
 * name), which only the caller can show.
 */
export function answerValueLabel(question: RoundQuestion, value: string): string {
  switch (question) {
    case "customer":
      return CUSTOMER_LABELS[value as CustomerDecision]?.label ?? value;
    case "strategy":
      return STRATEGY_LABELS[value as Strategy]?.label ?? value;
    case "transaction":
      return TRANSACTION_LABELS[value as Transaction]?.label ?? value;
    case "starts":
    case "consumers":
      return PICKED_LABELS[question][value as "yes" | "no"] ?? value;
    default:
      return value;
  }
}
