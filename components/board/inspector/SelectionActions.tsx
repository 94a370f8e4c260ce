import { CopyPlus, Spline, Trash } from "lucide-react";

const BUTTON = "inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2";

/** Draw a channel (from one player), Duplicate (when players are selected) and Delete, for whatever is selected. */
export function SelectionActions({ onConnect, onDuplicate, onDelete }: { onConnect?: () => void; onDuplicate?: () => void; onDelete: () => void }) {
  return (
    <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-4">
      {onConnect && (
        <button
          type="button"
          onClick={onConnect}
          data-testid="connect-from-selection"
          title="Draw a channel from this player (C)"
          className={`${BUTTON} border border-slate-300 bg-white text-slate-700 hover:bg-slate-50 focus-visible:outline-indigo-500`}
        >
          <Spline className="size-4" aria-hidden />
          Draw a channel…
        </button>
      )}
      {onDuplicate && (
        <button
          type="button"
          onClick={onDuplicate}
          data-testid="duplicate-selection"
          title="Duplicate (Ctrl+D)"
          className={`${BUTTON} border border-slate-300 bg-white text-slate-700 hover:bg-slate-50 focus-visible:outline-indigo-500`}
        >
          <CopyPlus className="size-4" aria-hidden />
          Duplicate
        </button>
      )}
      <button
        type="button"
        onClick={onDelete}
        data-testid="delete-selection"
        title="Delete (Delete key)"
        className={`${BUTTON} ml-auto bg-rose-600 text-white hover:bg-rose-700 focus-visible:outline-rose-600`}
      >
        <Trash className="size-4" aria-hidden />
        Delete
      </button>
    </div>
  );
}
