import { Redo2, Undo2 } from "lucide-react";
import { useSession } from "./hooks/useSession";
import { useUndoState } from "./hooks/useUndoState";

const BUTTON = "grid size-8 place-items-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:cursor-not-allowed disabled:opacity-40 disabled:hover:bg-transparent focus-visible:outline-2 focus-visible:outline-indigo-500";

/** Undo and redo of this person's own changes; other people's edits are never undone from here. */
export function UndoRedoButtons() {
  const { session } = useSession();
  const { canUndo, canRedo } = useUndoState(session.undo);
  return (
    <div className="flex items-center">
      <button type="button" data-testid="undo" disabled={!canUndo} onClick={() => session.undo.undo()} aria-label="Undo" title="Undo (Ctrl+Z)" className={BUTTON}>
        <Undo2 className="size-4" aria-hidden />
      </button>
      <button type="button" data-testid="redo" disabled={!canRedo} onClick={() => session.undo.redo()} aria-label="Redo" title="Redo (Shift+Ctrl+Z)" className={BUTTON}>
        <Redo2 className="size-4" aria-hidden />
      </button>
    </div>
  );
}
