import { History } from "lucide-react";
import { visibleWarnings } from "@/lib/valuechain/blind";
import type { Board } from "@/lib/valuechain/model";
import { useHiddenAnswers } from "./workshop/BlindContext";
import type { AnsweredBoard } from "./hooks/useAnswers";
import { Inspector } from "./Inspector";
import { CommentsPanel, type CommentsPanelProps } from "./comments/CommentsPanel";
import { QuestionsPanel } from "./questions/QuestionsPanel";
import { panelId, SidebarTabs, tabId, type SidebarTab } from "./SidebarTabs";

interface BoardSidebarProps {
  tab: SidebarTab;
  onTab: (tab: SidebarTab) => void;
  board: Board;
  selection: readonly string[];
  setSelection: (ids: readonly string[]) => void;
  /** Null until the first answers arrive from the worker. */
  answered: AnsweredBoard | null;
  strategyView: boolean;
  onShowPlayers: (ids: readonly string[]) => void;
  /** On a phone the sidebar is a bottom sheet: open to half the screen, or just its tabs. */
  sheetOpen: boolean;
  onSheetOpen: (open: boolean) => void;
  /** A version is open: the panel shows its answers and cards, read-only, under this name. */
  version?: { label: string } | null;
  /** The live board's comment threads (a version's are not shown: they are discussed live). */
  comments: Omit<CommentsPanelProps, "onShowPlayers">;
}

/** The right-hand side of the board (or of the open version): what is selected, or the eight questions answered. */
export function BoardSidebar({ tab, onTab, board, selection, setSelection, answered, strategyView, onShowPlayers, sheetOpen, onSheetOpen, version = null, comments }: BoardSidebarProps) {
  const hidden = useHiddenAnswers();
  const warningCount = answered ? visibleWarnings(answered.answers.warnings, hidden, answered.board).length : 0;
  return (
    <aside
      aria-label="Details and answers"
      data-testid="sidebar"
      data-sheet={sheetOpen ? "open" : "closed"}
      className={`flex w-80 shrink-0 flex-col border-l border-slate-200 bg-white lg:w-96 max-md:fixed max-md:inset-x-0 max-md:bottom-0 max-md:z-30 max-md:w-full max-md:rounded-t-2xl max-md:border-t max-md:border-l-0 max-md:shadow-[0_-8px_24px_rgb(15_23_42/0.18)] ${sheetOpen ? "max-md:h-[45dvh]" : "max-md:h-12"}`}
    >
      <SidebarTabs
        current={tab}
        onChange={(next) => {
          onTab(next);
          onSheetOpen(true);
        }}
        warningCount={warningCount}
        unreadCount={comments.unread.size}
        sheetOpen={sheetOpen}
        onSheetOpen={onSheetOpen}
      />
      <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} className={`min-h-0 flex-1 overflow-y-auto p-4 ${sheetOpen ? "" : "max-md:hidden"}`}>
        {version && (
          <p data-testid="sidebar-version" className="-mx-4 -mt-4 mb-4 flex items-center gap-1.5 border-b border-indigo-100 bg-indigo-50 px-4 py-2 text-xs text-indigo-900">
            <History className="size-3.5 shrink-0" aria-hidden />
            <span>
              As in <strong className="font-semibold">{version.label}</strong>, read-only
            </span>
          </p>
        )}
        {tab === "comments" ? (
          <CommentsPanel {...comments} onShowPlayers={onShowPlayers} />
        ) : tab === "inspect" ? (
          <Inspector board={board} selection={selection} setSelection={setSelection} readOnly={version !== null} />
        ) : answered ? (
          <QuestionsPanel board={answered.board} answers={answered.answers} strategyView={strategyView} onShowPlayers={onShowPlayers} />
        ) : (
          <p data-testid="questions-loading" className="text-sm text-slate-600">
            Working out the answers…
          </p>
        )}
      </div>
    </aside>
  );
}
