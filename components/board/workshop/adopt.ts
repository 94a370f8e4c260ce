/**
 * Adopting an answer of a revealed round into the board: which fields of which player change.
 * Plain data in, a patch out; `adoptIntoBoard` writes it as one undoable change.
 */
import { updatePlayer } from "@/lib/collab/boardDoc";
import type { BoardSession } from "@/lib/collab/session";
import type { Board, CustomerDecision, Player, Strategy, Transaction } from "@/lib/valuechain/model";
import { normalName, type ItemScore, type ParticipantAnswers } from "@/lib/valuechain/rounds";
import { spelledName } from "./labels";

export interface AdoptChange {
  playerId: string;
  patch: Partial<Omit<Player, "id">>;
}

/** The most common non-empty reason given with this customer decision (first given wins a tie). */
export function commonWhy(answers: readonly ParticipantAnswers[], playerId: string, value: string): string {
  const counts = new Map<string, number>();
  for (const a of answers) {
    const answer = a.answers.customer?.[playerId];
    const why = answer?.why?.trim();
    if (answer?.value === value && why) counts.set(why, (counts.get(why) ?? 0) + 1);
  }
  let best = "";
  let most = 0;
  for (const [why, n] of counts) if (n > most) [best, most] = [why, n];
  return best;
}

/** What adopting `value` for this item changes on the board, or null when nothing can be adopted. */
export function adoptChange(item: ItemScore, value: string, answers: readonly ParticipantAnswers[], board: Board): AdoptChange | null {
  const player = board.players.find((p) => p.id === (item.question === "us" ? value : item.item));
  if (!player) return null;
  switch (item.question) {
    case "customer": {
      const why = commonWhy(answers, player.id, value);
      return { playerId: player.id, patch: { customer: value as CustomerDecision, ...(why ? { why } : {}) } };
    }
    case "strategy":
      return { playerId: player.id, patch: { strategy: value as Strategy } };
    case "transaction":
      return { playerId: player.id, patch: { transaction: value as Transaction } };
    case "us":
      return { playerId: player.id, patch: { isUs: true } };
    case "consumers":
      return { playerId: player.id, patch: { consumer: value === "yes" } };
    case "starts":
      // Who starts the chain follows from the goods flow: there is no field to set.
      return null;
    case "names": {
      const chosen = spelledName(answers, player.id, value) ?? value;
      const others = [player.name, ...item.distribution.map((d) => spelledName(answers, player.id, d.value) ?? d.value)];
      const aliases: string[] = [];
      const seen = new Set([normalName(chosen)]);
      for (const name of [...player.aliases, ...others]) {
        const key = normalName(name);
        if (!key || seen.has(key)) continue;
        seen.add(key);
        aliases.push(name.trim());
      }
      return { playerId: player.id, patch: { name: chosen, aliases } };
    }
  }
}

/** Does the board already say this? */
export function isOnBoard(item: ItemScore, value: string, board: Board): boolean {
  const player = board.players.find((p) => p.id === (item.question === "us" ? value : item.item));
  if (!player) return false;
  switch (item.question) {
    case "customer":
      return player.customer === value;
    case "strategy":
      return player.strategy === value;
    case "transaction":
      return player.transaction === value;
    case "us":
      return player.isUs;
    case "consumers":
      return player.consumer === (value === "yes");
    case "starts":
      return false;
    case "names":
      return normalName(player.name) === value;
  }
}

/** Writes the change as one step of the facilitator's undo history. */
export function adoptIntoBoard({ doc, undo }: Pick<BoardSession, "doc" | "undo">, change: AdoptChange): void {
  undo.stopCapturing();
  updatePlayer(doc, change.playerId, change.patch);
  undo.stopCapturing();
}
