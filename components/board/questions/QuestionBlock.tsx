import { useId, type ReactNode } from "react";
import { EyeOff } from "lucide-react";
import { HIDDEN_NOTE } from "../workshop/BlindContext";

interface QuestionBlockProps {
  n: number;
  question: string;
  /** The answer in one line; the details (lists of players, routes) follow as children. */
  answer?: ReactNode;
  children?: ReactNode;
  /** A blind round asks this: the answer waits for the reveal. */
  hidden?: boolean;
}

/** One of the eight questions with its current answer. */
export function QuestionBlock({ n, question, answer, children, hidden = false }: QuestionBlockProps) {
  const headingId = useId();
  return (
    <li data-testid={`question-${n}`} className="border-t border-slate-200 pt-3">
      <section aria-labelledby={headingId} className="space-y-1.5">
        <h3 id={headingId} className="flex items-start gap-2 text-sm font-semibold text-slate-900">
          <span className="mt-px grid size-5 shrink-0 place-items-center rounded-full bg-slate-900 text-[11px] text-white" aria-hidden>
            {n}
          </span>
          <span>
            <span className="sr-only">Question {n}: </span>
            {question}
          </span>
        </h3>
        {hidden ? (
          <p data-testid={`question-${n}-hidden`} className="flex items-start gap-1.5 pl-7 text-sm text-slate-500 italic">
            <EyeOff className="mt-0.5 size-3.5 shrink-0" aria-hidden />
            {HIDDEN_NOTE}
          </p>
        ) : (
          <>
            {answer && <p className="pl-7 text-sm text-slate-700">{answer}</p>}
            {children && <div className="pl-5">{children}</div>}
          </>
        )}
      </section>
    </li>
  );
}
