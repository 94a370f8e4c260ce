import { useState } from "react";
import { analyzeBoard, type Answers } from "@/lib/valuechain/analysis";
import { sameChannel, samePlayer, type Board } from "@/lib/valuechain/model";

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
    a.players.every((p, i) => samePlayer(p, b.players[i], { ignorePosition: true })) &&
    a.channels.every((c, i) => sameChannel(c, b.channels[i]))
  );
}

