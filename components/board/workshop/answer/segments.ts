import type { Board, Player } from "@/lib/valuechain/model";
import type { RoundAnswers, RoundQuestion } from "@/lib/valuechain/rounds";
import { ROUND_QUESTIONS } from "@/lib/valuechain/rounds";

/** Players in reading order along the chain: left to right, then top to bottom. */
export function inChainOrder(players: readonly Player[]): Player[] {
  return [...players].sort((a, b) => a.x - b.x || a.y - b.y || a.name.localeCompare(b.name));
}

/** The segments a per-segment question asks about: us is nobody's customer, so it is left out of those. */
export function segmentsFor(question: RoundQuestion, players: readonly Player[]): Player[] {
  const ordered = inChainOrder(players);
  return question === "customer" || question === "strategy" || question === "transaction" ? ordered.filter((p) => !p.isUs) : ordered;
}

export const isRoundQuestion = (q: string): q is RoundQuestion => (ROUND_QUESTIONS as readonly string[]).includes(q);

/**
 * The answers to send: only the questions asked, only players still on the board, nothing left
 * blank. A name not typed over is the board's name (the participant agrees with it).
 */
export function answersToSend(draft: RoundAnswers, questions: readonly RoundQuestion[], board: Board): RoundAnswers {
  const live = new Set(board.players.map((p) => p.id));
  const keep = <T>(record: Record<string, T> | undefined) => Object.fromEntries(Object.entries(record ?? {}).filter(([id]) => live.has(id)));
  const nonEmpty = <T extends object>(record: T) => (Object.keys(record).length ? record : undefined);
  const out: RoundAnswers = {};
  for (const q of questions) {
    if (q === "customer") {
      const entries = Object.entries(keep(draft.customer)).map(([id, a]) => [id, a.why?.trim() ? { value: a.value, why: a.why.trim().slice(0, 2000) } : { value: a.value }] as const);
      out.customer = nonEmpty(Object.fromEntries(entries));
    } else if (q === "strategy") out.strategy = nonEmpty(keep(draft.strategy));
    else if (q === "transaction") out.transaction = nonEmpty(keep(draft.transaction));
    else if (q === "us") out.us = draft.us && live.has(draft.us) ? draft.us : undefined;
    else if (q === "starts" || q === "consumers") {
      const picked = (draft[q] ?? []).filter((id) => live.has(id));
      out[q] = picked.length ? picked : undefined;
    } else if (q === "names") {
      const names: Record<string, string> = {};
      for (const p of segmentsFor("names", board.players)) {
        const name = (draft.names?.[p.id] ?? p.name).trim().replace(/\s+/g, " ").slice(0, 200);
        if (name) names[p.id] = name;
      }
      out.names = nonEmpty(names);
    }
  }
  for (const key of Object.keys(out) as (keyof RoundAnswers)[]) if (out[key] === undefined) delete out[key];
  return out;
}
