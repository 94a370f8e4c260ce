import { useEffect, useRef, type Dispatch, type SetStateAction } from "react";
import { useStoreApi } from "@xyflow/react";
import { addChannel, addPlayer } from "@/lib/collab/boardDoc";
import { addFrame, addNote } from "@/lib/collab/discussionDoc";
import { fragmentOf, parseFragment, placeFragment } from "@/lib/valuechain/fragment";
import { asOneStep, deleteSelection, newId } from "../boardCommands";
import { inOverlay, inTextField } from "./useBoardShortcuts";
import { useSession } from "./useSession";

/**
 * Copy, cut and paste of players (with the channels among them), notes and frames, through
 * the system clipboard as a `chainboard/v1` fragment in plain text, so a selection copied on
 * one board pastes into another, in another tab or browser. The browser's own copy, cut and
 * paste events carry it (no clipboard permission needed); text fields keep theirs. Viewers
 * may copy. A paste is one undoable step and selects what it placed.
 */
export function useClipboard(
  selection: readonly string[],
  setSelection: Dispatch<SetStateAction<readonly string[]>>,
  onNotice: (message: string) => void,
  /** Whether a paste may write now: not for a viewer, nor while a round pauses editing or a version is open. */
  canPaste: boolean,
): void {
  const { session } = useSession();
  const store = useStoreApi();
  const latest = useRef({ selection, setSelection, canPaste, onNotice });
  useEffect(() => {
    latest.current = { selection, setSelection, canPaste, onNotice };
  });

  useEffect(() => {
    const ours = (event: Event) => !inTextField(event.target) && !inOverlay(event.target) && !inTextField(document.activeElement) && !inOverlay(document.activeElement);

    const copy = (event: ClipboardEvent, cut: boolean) => {
      if (!ours(event) || !event.clipboardData) return;
      // Text selected on the page (a panel's answer, a thread) is what Ctrl+C means then.
      if (!(window.getSelection()?.isCollapsed ?? true)) return;
      const { selection: ids, setSelection: select, canPaste: editing } = latest.current;
      const { board } = session.board.get();
      const fragment = fragmentOf(board, ids);
      if (!fragment) return;
      event.preventDefault();
      event.clipboardData.setData("text/plain", JSON.stringify(fragment, null, 2));
      if (cut && editing) {
        deleteSelection(session, board, ids);
        select([]);
      }
    };
    const paste = (event: ClipboardEvent) => {
      if (!ours(event) || !event.clipboardData) return;
      const parsed = parseFragment(event.clipboardData.getData("text/plain"));
      if (!parsed.ok) {
        if (parsed.error) latest.current.onNotice(`Nothing was pasted: the copied board part is not valid (${parsed.error.message}).`);
        return;
      }
      event.preventDefault();
      if (!latest.current.canPaste) return latest.current.onNotice("Nothing was pasted: this board cannot be edited here right now (a view link, a paused workshop round or an open version).");
      const { board } = session.board.get();
      const { fragment } = parsed;
      const items = [...fragment.players, ...(fragment.notes ?? []), ...(fragment.frames ?? [])];
      const left = Math.min(...items.map((i) => i.x));
      const top = Math.min(...items.map((i) => i.y));
      // Pasted where it was copied from (on this board), a step down and right; else in the middle of the view.
      const here = fragment.players.length > 0 && fragment.players.every((p) => board.players.some((q) => q.id === p.id && q.x === p.x && q.y === p.y));
      let at = { x: left + 40, y: top + 40 };
      if (!here) {
        const { width, height, transform } = store.getState();
        const [tx, ty, zoom] = transform;
        const right = Math.max(...items.map((i) => i.x + 192));
        const bottom = Math.max(...items.map((i) => i.y + 100));
        at = { x: (width / 2 - tx) / zoom - (right - left) / 2, y: (height / 2 - ty) / zoom - (bottom - top) / 2 };
      }
      const placed = placeFragment(fragment, newId, at, board.players.some((p) => p.isUs));
      asOneStep(session, () => {
        for (const f of placed.frames) addFrame(session.doc, f);
        for (const p of placed.players) addPlayer(session.doc, p);
        for (const c of placed.channels) addChannel(session.doc, c);
        for (const n of placed.notes) addNote(session.doc, n);
      });
      latest.current.setSelection([...placed.players, ...placed.notes, ...placed.frames].map((i) => i.id));
    };

    const onCopy = (event: ClipboardEvent) => copy(event, false);
    const onCut = (event: ClipboardEvent) => copy(event, true);
    document.addEventListener("copy", onCopy);
    document.addEventListener("cut", onCut);
    document.addEventListener("paste", paste);
    return () => {
      document.removeEventListener("copy", onCopy);
      document.removeEventListener("cut", onCut);
      document.removeEventListener("paste", paste);
    };
  }, [session, store]);
}
