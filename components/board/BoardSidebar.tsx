import type { Board } from "@/lib/valuechain/model";
import type { AnsweredBoard } from "./hooks/useAnswers";
import { Inspector } from "./Inspector";
import { QuestionsPanel } from "./questions/QuestionsPanel";
import { panelId, SidebarTabs, tabId, type SidebarTab } from "./SidebarTabs";

interface BoardSidebarProps {
  tab: SidebarTab;
  onTab: (tab: SidebarTab) => void;
  board: Board;
  selection: readonly string[];
  setSelection: (ids: readonly string[]) => void;
  answered: AnsweredBoard;
  strategyView: boolean;
  onShowPlayers: (ids: readonly string[]) => void;
}

/** The right-hand side of the board: what is selected, or the eight questions answered. */
export function BoardSidebar({ tab, onTab, board, selection, setSelection, answered, strategyView, onShowPlayers }: BoardSidebarProps) {
  return (
    <aside aria-label="Details and answers" className="flex w-96 shrink-0 flex-col border-l border-slate-200 bg-white">
      <SidebarTabs current={tab} onChange={onTab} warningCount={answered.answers.warnings.length} />
      <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} className="min-h-0 flex-1 overflow-y-auto p-4">
        {tab === "inspect" ? (
          <Inspector board={board} selection={selection} setSelection={setSelection} />
        ) : (
          <QuestionsPanel board={answered.board} answers={answered.answers} strategyView={strategyView} onShowPlayers={onShowPlayers} />
        )}
      </div>
    </aside>
  );
}
