import type { BoardUndo } from "@/lib/collab/undo";

const WORD_CHAR = /[\p{L}\p{N}_'’-]/u;

/**
 * Ends the undo step where a word ends, so Ctrl+Z takes back the last word typed rather than
 * the whole sentence; switching between typing and deleting starts a new step as well.
 */
export function wordStepper(undo: Pick<BoardUndo, "stopCapturing">) {
  let last: "insert" | "delete" | null = null;
  return ({ insert, remove, previousChar }: { insert: string; remove: number; previousChar: string }) => {
    const kind = insert ? "insert" : "delete";
    const wordEnds = insert !== "" && !WORD_CHAR.test(insert.charAt(0)) && WORD_CHAR.test(previousChar);
    if ((last !== null && kind !== last) || wordEnds || insert.length > 1 || remove > 1) undo.stopCapturing();
    last = kind;
  };
}
