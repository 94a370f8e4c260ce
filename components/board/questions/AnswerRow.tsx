import type { ReactNode } from "react";
import { useHighlightOnHover } from "../hooks/useHighlightOnHover";

interface AnswerRowProps {
  /** The players (and channels) this row is about: they light up on the canvas while it is pointed at. */
  players: readonly string[];
  channels?: readonly string[];
  testId?: string;
  children: ReactNode;
}

export function AnswerRow({ players, channels, testId, children }: AnswerRowProps) {
  const highlight = useHighlightOnHover(players, channels);
  return (
    <li {...highlight} data-testid={testId} className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-amber-50 has-focus-visible:bg-amber-50">
      {children}
    </li>
  );
}
