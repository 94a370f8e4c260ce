import { useId, type ReactNode } from "react";

interface QuestionBlockProps {
  n: number;
  question: string;
  /** The answer in one line; the details (lists of players, routes) follow as children. */
  answer?: ReactNode;
  children?: ReactNode;
}

/** One of the eight questions with its current answer. */
export function QuestionBlock({ n, question, answer, children }: QuestionBlockProps) {
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
        {answer && <p className="pl-7 text-sm text-slate-700">{answer}</p>}
        {children && <div className="pl-5">{children}</div>}
      </section>
    </li>
  );
}
