/**
 * Blind rounds: while a workshop round asks the group something, the board keeps quiet about
 * what it currently says on that subject, so nobody simply copies the board's answer. Which
 * parts of a player each question is about, how a player looks with them hidden, and which
 * of the questions panel's warnings would give them away. Plain data, no React.
 */
import type { Warning, WarningCode } from "./warnings";
import type { Board, Player } from "./model";
import type { RoundQuestion } from "./rounds";

/** What a board can say that a round may ask about. Names are asked too, but a board cannot hide them. */
export type BlindAspect = "customer" | "strategy" | "transaction" | "us" | "starts" | "consumers";

export type HiddenAspects = ReadonlySet<BlindAspect>;

export const NOTHING_HIDDEN: HiddenAspects = new Set();

const ASPECT_OF: Record<RoundQuestion, BlindAspect | null> = {
  customer: "customer",
  strategy: "strategy",
  transaction: "transaction",
  us: "us",
  starts: "starts",
  consumers: "consumers",
  names: null,
};

/**
 * What the board hides during a round: the aspects its questions ask about, while it is open
 * and blind. A round's status alone decides; the timer running out does not show the answers
 * (they are still private until the reveal).
 */
export function hiddenDuring(round: { status: string; blind: boolean; questions: readonly string[] } | null): HiddenAspects {
  if (!round || round.status !== "open" || !round.blind) return NOTHING_HIDDEN;
  const hidden = new Set<BlindAspect>();
  for (const q of round.questions) {
    const aspect = ASPECT_OF[q as RoundQuestion];
    if (aspect) hidden.add(aspect);
  }
  return hidden.size ? hidden : NOTHING_HIDDEN;
}

/** "Window manufacturer (us)" → "Window manufacturer": a name that says who is us. */
const US_SUFFIX = /\s*\(\s*(us|we|ours?)\s*\)\s*$/i;

export function blindName(name: string, hidden: HiddenAspects): string {
  return hidden.has("us") ? name.replace(US_SUFFIX, "") : name;
}

/**
 * The player as a blind round shows it: what is asked about set to "nothing recorded" (no us,
 * no strategy, no transaction, not a consumer) and a name that does not say who is us. The
 * customer decision has no "nothing" value, so it keeps its value: whoever shows it checks
 * `hidden` first. Returns the same object when nothing of it is hidden.
 */
export function blindPlayer(player: Player, hidden: HiddenAspects): Player {
  if (!hidden.size) return player;
  const name = blindName(player.name, hidden);
  const patch: Partial<Player> = {};
  if (name !== player.name) patch.name = name;
  if (hidden.has("us") && player.isUs) patch.isUs = false;
  if (hidden.has("strategy") && player.strategy !== "none") patch.strategy = "none";
  if (hidden.has("transaction") && player.transaction !== "none") patch.transaction = "none";
  if (hidden.has("consumers") && player.consumer) patch.consumer = false;
  if (hidden.has("customer") && player.why) patch.why = "";
  return Object.keys(patch).length ? { ...player, ...patch } : player;
}

export function blindBoard(board: Board, hidden: HiddenAspects): Board {
  if (!hidden.size) return board;
  return { ...board, players: board.players.map((p) => blindPlayer(p, hidden)) };
}

/** The aspects each warning speaks of (its message may name us, too). */
const WARNING_ASPECTS: Record<WarningCode, readonly BlindAspect[]> = {
  "consumer-passes-goods-on": ["consumers", "starts"],
  "customer-unreached": ["customer", "us"],
  "customer-without-why": ["customer"],
  "goods-cycle": [],
  "isolated-player": [],
  "no-us": ["us"],
  "several-us": ["us"],
  "shares-not-100": [],
  "specification-without-specifier": ["strategy"],
  "transaction-mismatch": ["transaction", "us"],
  "unreached-consumer": ["consumers", "us"],
};

/**
 * The warnings that say nothing hidden: none about an aspect asked, and, while "us" is asked,
 * none about the player that is us (its name would say so).
 */
export function visibleWarnings(warnings: readonly Warning[], hidden: HiddenAspects, board: Board): readonly Warning[] {
  if (!hidden.size) return warnings;
  const us = hidden.has("us") ? board.players.filter((p) => p.isUs) : [];
  return warnings.filter(
    (w) =>
      !WARNING_ASPECTS[w.code].some((a) => hidden.has(a)) &&
      !us.some((p) => w.ids.includes(p.id) || (p.name.trim() !== "" && w.message.includes(p.name.trim()))),
  );
}
