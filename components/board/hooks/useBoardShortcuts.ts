import { useEffect, useRef, type Dispatch, type SetStateAction } from "react";
import { deleteSelection, duplicatePlayers } from "../boardCommands";
import { useCardSizes } from "./useCardSizes";
import { useSession } from "./useSession";

/** Text fields keep their own keys: Backspace, Ctrl+Z or Ctrl+A there act on the text. */
export function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit", "reset", "range", "color"].includes(target.type);
}

/** Inside dialogs and popovers the board's shortcuts are off; on other controls only Delete is. */
export function inOverlay(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest("dialog, [role=dialog], [popover]") !== null;
}
const onFormControl = (target: EventTarget | null) => target instanceof HTMLSelectElement || target instanceof HTMLInputElement;

/**
 * Board keyboard shortcuts: Delete/Backspace, C (draw a channel from the selected player),
 * Ctrl/Cmd+D (duplicate), Ctrl/Cmd+Z (undo),
 * Shift+Ctrl/Cmd+Z and Ctrl+Y (redo), Ctrl/Cmd+A (select all), Escape (stop following,
 * else clear the selection), Q (inspector or questions), S (strategy view). Viewers get
 * selection, Escape, Q and S.
 */
export function useBoardShortcuts(opts: {
  selection: readonly string[];
  setSelection: Dispatch<SetStateAction<readonly string[]>>;
  following: boolean;
  stopFollowing: () => void;
  toggleQuestions: () => void;
  toggleStrategyView: () => void;
  /** Opens the dialog that draws a channel from a player (C, with one player selected). */
  startConnect: (fromId: string) => void;
}): void {
  const { session, canEdit } = useSession();
  const sizeOf = useCardSizes();
  // The listener is installed once; it reads the latest board and selection from here.
  const latest = useRef(opts);
  useEffect(() => {
    latest.current = opts;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || inTextField(event.target) || inOverlay(event.target)) return;
      const { selection, setSelection, following, stopFollowing, toggleQuestions, toggleStrategyView, startConnect } = latest.current;
      // Positions included: a copy goes beside its original as it is now.
      const { board } = session.board.get();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const handled = () => event.preventDefault();
      // A plain letter, not typed into a select or checkbox (a select jumps to options by letter).
      const letter = !mod && !event.altKey && !onFormControl(event.target);

      if (letter && key === "q") {
        handled();
        toggleQuestions();
      } else if (letter && key === "s") {
        handled();
        toggleStrategyView();
      } else if (key === "escape") {
        if (following) stopFollowing();
        else setSelection([]);
      } else if (mod && key === "a") {
        handled();
        setSelection([...board.players.map((p) => p.id), ...board.channels.map((c) => c.id)]);
      } else if (!canEdit) {
        return;
      } else if ((key === "delete" || key === "backspace") && !mod && selection.length && !onFormControl(event.target)) {
        handled();
        deleteSelection(session, board, selection);
        setSelection([]);
      } else if (letter && key === "c" && selection.length === 1 && board.players.some((p) => p.id === selection[0])) {
        handled();
        startConnect(selection[0]);
      } else if (mod && key === "d") {
        handled();
        const copies = duplicatePlayers(session, board, selection, sizeOf);
        if (copies.length) setSelection(copies);
      } else if (mod && ((key === "z" && event.shiftKey) || (key === "y" && event.ctrlKey))) {
        handled();
        session.undo.redo();
      } else if (mod && key === "z") {
        handled();
        session.undo.undo();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [canEdit, session, sizeOf]);
}
