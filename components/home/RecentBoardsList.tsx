"use client";
import { X } from "lucide-react";
import { DEFAULT_BOARD_TITLE } from "@/lib/valuechain/model";
import { forgetBoard } from "./recentBoards";
import { useRecentBoards } from "./useRecentBoards";

const ROLE_LABELS = { owner: "Owner", editor: "Can edit", viewer: "View only" } as const;
const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Boards created or opened in this browser, most recent first. */
export function RecentBoardsList() {
  const boards = useRecentBoards();
  return (
    <section aria-labelledby="recent-boards-heading" className="space-y-3">
      <h2 id="recent-boards-heading" className="text-lg font-semibold text-slate-900">
        Your boards
      </h2>
      {boards.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">
          Boards you create or open in this browser are listed here.
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
          {boards.map((b) => (
            <li key={b.id} data-testid="recent-board" className="flex items-center gap-3 px-4 py-3 hover:bg-slate-50">
              <a href={b.link} className="min-w-0 flex-1 focus-visible:outline-2 focus-visible:outline-indigo-500">
                <span className="block truncate font-medium text-slate-900">{b.title || DEFAULT_BOARD_TITLE}</span>
                <span className="text-xs text-slate-500">Last opened {WHEN.format(new Date(b.lastOpened))}</span>
              </a>
              <span className="shrink-0 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">{ROLE_LABELS[b.role]}</span>
              <button
                type="button"
                onClick={() => forgetBoard(b.id)}
                aria-label={`Remove “${b.title || DEFAULT_BOARD_TITLE}” from this list (the board itself is kept)`}
                title="Remove from this list"
                className="grid size-8 shrink-0 place-items-center rounded-md text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-500"
              >
                <X className="size-4" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
