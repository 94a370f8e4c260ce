import { MousePointer2 } from "lucide-react";
import { useSaveStatus } from "./hooks/useSaveStatus";
import { useSession } from "./hooks/useSession";

/** Shown over an empty canvas: loading, or how to start. */
export function EmptyBoardHint() {
  const { session, canEdit } = useSession();
  const { state, everConnected } = useSaveStatus(session.save);
  const loading = state === "connecting" && !everConnected;
  return (
    <div className="pointer-events-none absolute inset-0 grid place-items-center">
      <div className="max-w-sm rounded-xl border border-dashed border-slate-300 bg-white/80 p-6 text-center backdrop-blur">
        {loading ? (
          <p className="text-sm text-slate-500">Loading the board…</p>
        ) : (
          <>
            <MousePointer2 className="mx-auto mb-2 size-6 text-indigo-500" aria-hidden />
            <p className="font-semibold text-slate-800">This board is empty</p>
            <p className="mt-1 text-sm text-slate-500">
              {canEdit
                ? "Pick a player type in the toolbar on the left (or drag one here), then draw channels from a card's right-hand dot to another card."
                : "Nothing has been drawn yet. What the editors add appears here as they work."}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
