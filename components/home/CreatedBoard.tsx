import { ArrowRight, CircleCheck } from "lucide-react";
import { CopyField } from "@/components/CopyField";
import type { BoardLinks } from "./recentBoards";

/** The new board's three links, shown right after creation (later: the board's Share button). */
export function CreatedBoard({ title, links, onDone }: { title: string; links: BoardLinks; onDone: () => void }) {
  return (
    <section data-testid="created-board" aria-label="Your new board" className="space-y-4 rounded-2xl border border-emerald-200 bg-white p-6 shadow-sm">
      <div className="flex items-start gap-3">
        <CircleCheck className="mt-0.5 size-5 shrink-0 text-emerald-600" aria-hidden />
        <div>
          <h2 className="text-lg font-semibold text-slate-900">“{title}” is ready</h2>
          <p className="text-sm text-slate-600">
            Send the edit link to the people who draw with you and the view link to those who only watch. These links are the only keys to
            the board; this browser remembers them, and the board&apos;s Share button shows them again.
          </p>
        </div>
      </div>
      <CopyField label="Can edit" value={links.edit} testId="link-edit" />
      <CopyField label="View only" value={links.view} testId="link-view" />
      <CopyField label="Owner — facilitates the board; keep it to yourself" value={links.owner} testId="link-owner" />
      <div className="flex items-center gap-3 pt-2">
        <a
          href={links.owner}
          data-testid="open-board"
          className="inline-flex items-center gap-2 rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Open board
          <ArrowRight className="size-4" aria-hidden />
        </a>
        <button type="button" onClick={onDone} className="rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100">
          Start another
        </button>
      </div>
    </section>
  );
}
