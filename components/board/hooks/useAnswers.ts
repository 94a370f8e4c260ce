import { createContext, useContext, useEffect, useState } from "react";
import type { Answers } from "@/lib/valuechain/answers";
import type { Board } from "@/lib/valuechain/model";
import { Analyzer } from "../answers/analyzer";

export interface AnsweredBoard {
  answers: Answers;
  /** The board the answers were computed from. */
  board: Board;
}

/**
 * The answers to the eight questions for `board` (which changes with anything but positions),
 * worked out in a Web Worker so the canvas never waits for them; null until the first answers
 * arrive, then the latest answers until newer ones do.
 */
export function useAnswers(board: Board): AnsweredBoard | null {
  const [analyzer, setAnalyzer] = useState<Analyzer | null>(null);
  const [answered, setAnswered] = useState<AnsweredBoard | null>(null);
  useEffect(() => {
    const a = new Analyzer();
    setAnalyzer(a);
    return () => a.destroy();
  }, []);
  useEffect(() => {
    if (!analyzer) return;
    let current = true;
    analyzer.analyze(board, (answers) => current && setAnswered({ answers, board }));
    return () => {
      current = false;
    };
  }, [analyzer, board]);
  return answered;
}

/** The board page's answers, worked out once and shared by the panel, the tab and the workshop. */
export const AnswersContext = createContext<AnsweredBoard | null>(null);

export const useSharedAnswers = () => useContext(AnswersContext);
