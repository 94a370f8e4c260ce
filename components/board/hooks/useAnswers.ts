import { useState } from "react";
import { analyzeBoard, type Answers } from "@/lib/valuechain/analysis";
import type { Board, Channel, Player } from "@/lib/valuechain/model";

export interface AnsweredBoard {
  answers: Answers;
  /** The board the answers were computed from: current in everything but positions. */
  board: Board;
}

/**
 * The answers to the eight questions, recomputed whenever anything but a position changes.
 * A drag rewrites positions about thirty times a second and cannot change an answer, while the
 * analysis of a board of thousands of players takes a good part of a second.
 */
export function useAnswers(board: Board): AnsweredBoard {
  const [answered, setAnswered] = useState<AnsweredBoard>(() => ({ answers: analyzeBoard(board), board }));
  if (answered.board === board || sameApartFromPositions(answered.board, board)) return answered;
  // Derived state, updated during render as React recommends: no extra render with stale answers.
  const next = { answers: analyzeBoard(board), board };
  setAnswered(next);
  return next;
}

/** Boards from readBoard list players and channels by id, so they compare item by item. */
function sameApartFromPositions(a: Board, b: Board): boolean {
  return (
    a.players.length === b.players.length &&
    a.channels.length === b.channels.length &&
    a.players.every((p, i) => samePlayerApartFromPosition(p, b.players[i])) &&
    a.channels.every((c, i) => sameChannel(c, b.channels[i]))
  );
}

function samePlayerApartFromPosition(a: Player, b: Player): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.kind === b.kind &&
    a.isUs === b.isUs &&
    a.consumer === b.consumer &&
    a.customer === b.customer &&
    a.why === b.why &&
    a.strategy === b.strategy &&
    a.transaction === b.transaction &&
    a.aliases.length === b.aliases.length &&
    a.aliases.every((alias, i) => alias === b.aliases[i])
  );
}

function sameChannel(a: Channel, b: Channel): boolean {
  return a.id === b.id && a.from === b.from && a.to === b.to && a.flow === b.flow && a.share === b.share;
}
