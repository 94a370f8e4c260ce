import { createContext, useContext, useEffect, useMemo, type ReactNode } from "react";
import { PauseCircle } from "lucide-react";
import { Banner } from "../Banner";
import { SessionContext } from "../SessionContext";
import { useSession } from "../hooks/useSession";
import { useEditingLocked } from "./useWorkshopState";

const EditingPausedContext = createContext(false);

/** True for an editor while an open round locks editing (the owner, who facilitates, keeps editing). */
export function useEditingPausedForMe(): boolean {
  const { session, role } = useSession();
  return useEditingLocked(session.doc) && role === "editor";
}

/** Inside `EditingLock`: is this person's editing paused by the round? */
export const useEditingPaused = () => useContext(EditingPausedContext);

/** Text fields keep their own keys (as in useBoardShortcuts). */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit", "reset", "range", "color"].includes(target.type);
}

/**
 * While a round locks editing, everything below sees `canEdit: false` (palette, inspector,
 * dragging, connecting, tidy, undo), so an editor's board is read-only until the round ends.
 * The board's keyboard shortcuts are installed above this provider, so their editing keys are
 * swallowed here before they reach them.
 */
export function EditingLock({ children }: { children: ReactNode }) {
  const outer = useSession();
  const paused = useEditingPausedForMe();
  const value = useMemo(() => (paused ? { ...outer, canEdit: false } : outer), [outer, paused]);

  useEffect(() => {
    if (!paused) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (inTextField(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const editing = (!mod && (key === "delete" || key === "backspace")) || (mod && (key === "d" || key === "z" || key === "y"));
      if (editing) event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown, { capture: true });
    return () => window.removeEventListener("keydown", onKeyDown, { capture: true });
  }, [paused]);

  return (
    <SessionContext value={value}>
      <EditingPausedContext value={paused}>{children}</EditingPausedContext>
    </SessionContext>
  );
}

/** On the canvas, for an editor whose editing the round pauses. */
export function EditingPausedBanner() {
  return (
    <Banner testId="editing-locked-banner" icon={PauseCircle} className="border border-indigo-300 bg-indigo-50 text-indigo-900 shadow-sm">
      Editing is paused during this round
    </Banner>
  );
}
