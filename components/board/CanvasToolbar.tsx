import { useReactFlow } from "@xyflow/react";
import { LayoutDashboard, Palette } from "lucide-react";
import type { Board } from "@/lib/valuechain/model";
import { tidyBoard } from "./boardCommands";
import { useSession } from "./hooks/useSession";

const BUTTON =
  "inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:opacity-40 disabled:hover:bg-transparent";
const PRESSED = "aria-pressed:bg-indigo-50 aria-pressed:text-indigo-700 aria-pressed:hover:bg-indigo-100";

interface CanvasToolbarProps {
  board: Board;
  strategyView: boolean;
  onToggleStrategyView: () => void;
}

/** The canvas's own tools: the strategy view for everyone, the tidy layout for editors. */
export function CanvasToolbar({ board, strategyView, onToggleStrategyView }: CanvasToolbarProps) {
  const { session, canEdit } = useSession();
  const { fitView } = useReactFlow();
  const tidy = () => {
    tidyBoard(session, board);
    // On the next frame the moved cards have rendered, so the view fits where they are now.
    requestAnimationFrame(() => void fitView({ padding: 0.2, maxZoom: 1, duration: 300 }));
  };

  return (
    <div role="toolbar" aria-label="Canvas tools" className="flex items-center gap-1 rounded-lg border border-slate-200 bg-white/95 p-1 shadow-sm backdrop-blur">
      <button
        type="button"
        data-testid="strategy-view-toggle"
        aria-pressed={strategyView}
        onClick={onToggleStrategyView}
        title="Colour players by sales strategy and outline them by how we transact (S)"
        className={`${BUTTON} ${PRESSED}`}
      >
        <Palette className="size-4" aria-hidden />
        <span className="max-md:sr-only">Strategy view</span>
      </button>
      {canEdit && (
        <button
          type="button"
          data-testid="tidy-layout"
          onClick={tidy}
          disabled={board.players.length === 0}
          title="Arrange the goods flow from left to right, for everyone (Ctrl+Z puts it back)"
          className={BUTTON}
        >
          <LayoutDashboard className="size-4" aria-hidden />
          <span className="max-md:sr-only">Tidy layout</span>
        </button>
      )}
    </div>
  );
}
