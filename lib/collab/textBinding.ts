/**
 * Binds an <input> or <textarea> to one free-text field of the board document, as a shared
 * document editor does: each keystroke becomes the smallest Y.Text edit (not a whole new
 * string), and other people's edits arrive as deltas that move this person's caret only when
 * they land before it. No React here: the page wraps it in a hook.
 *
 * The field keeps its own value (an uncontrolled element): the binding writes it only when
 * the shared text changed under it. While an input method composes a character (Chinese,
 * Japanese, dead keys), remote changes wait until the composition ends, because rewriting the
 * element's value mid-composition breaks it.
 */
import { makeDiff, xIndex } from "@sanity/diff-match-patch";
import * as Y from "yjs";
import { applyEdit, ensureText, readText, textEdit } from "./text";
import { mergeOnto } from "./textMerge";

export type TextElement = HTMLInputElement | HTMLTextAreaElement;

/** Where a field lives: resolved again on every refresh, because undo can re-create a player's map. */
export type FieldLocator = () => { map: Y.Map<unknown>; key: string } | null;

export interface TextBindingOptions {
  locate: FieldLocator;
  /** Called before a local edit is applied: the page ends the undo step at word boundaries. */
  beforeLocalEdit?: (edit: { insert: string; remove: number; previousChar: string }) => void;
}

export interface TextBinding {
  /** Re-reads the field's location and value (call after the board re-rendered). */
  refresh(): void;
  destroy(): void;
}

type Delta = { insert?: unknown; retain?: number; delete?: number }[];

/**
 * Where `index` (in the text before) is after the change `delta`. An insert exactly at it
 * moves it only when `pushes` (this person's own undo, redo or rescued typing, which the caret
 * follows as it follows typing); someone else's text typed at the caret stays ahead of it.
 */
export function transformIndex(delta: Delta, index: number, pushes = false): number {
  let at = 0;
  let shift = 0;
  for (const op of delta) {
    if (op.retain) at += op.retain;
    else if (op.insert !== undefined) {
      if (at < index || (pushes && at === index)) shift += typeof op.insert === "string" ? op.insert.length : 1;
    } else if (op.delete) {
      if (at < index) shift -= Math.min(op.delete, index - at);
      at += op.delete;
    }
  }
  return index + shift;
}

/**
 * A caret carried across a whole-value change whose delta is unknown (the field now holds
 * another Y.Text, or a plain string was replaced): mapped through a character diff, so a caret
 * in text both values share stays beside the same characters.
 */
function mapIndex(before: string, after: string, index: number): number {
  return index === 0 || before === after ? index : xIndex(makeDiff(before, after), index);
}

export function bindTextField(element: TextElement, options: TextBindingOptions): TextBinding {
  let text: Y.Text | null = null;
  let map: Y.Map<unknown> | null = null;
  /** What the element showed after the last sync with the document. */
  let shown = element.value;
  let applying = false;
  let composing = false;
  let stale = false;

  const show = (value: string, moveCaret: (index: number) => number) => {
    if (element.value === value) {
      shown = value;
      return;
    }
    const focused = element.ownerDocument.activeElement === element;
    const { selectionStart, selectionEnd, selectionDirection } = element;
    element.value = value;
    shown = value;
    if (focused && selectionStart !== null && selectionEnd !== null) {
      element.setSelectionRange(moveCaret(selectionStart), moveCaret(selectionEnd), selectionDirection ?? undefined);
    }
  };

  const onText = (event: Y.YTextEvent) => {
    if (applying) return;
    if (composing) {
      stale = true;
      return;
    }
    const delta = event.delta as Delta;
    const own = event.transaction.local;
    show(event.target.toString(), (i) => transformIndex(delta, i, own));
  };

  const onMap = (event: Y.YMapEvent<unknown>) => {
    // This binding's own upgrade of a string to a Y.Text: the field already shows the typing.
    if (applying) return;
    const location = options.locate();
    if (location && event.keysChanged.has(location.key)) refresh();
  };

  const watch = (nextMap: Y.Map<unknown> | null, nextText: Y.Text | null) => {
    if (nextMap !== map) {
      map?.unobserve(onMap);
      nextMap?.observe(onMap);
      map = nextMap;
    }
    if (nextText !== text) {
      text?.unobserve(onText);
      nextText?.observe(onText);
      text = nextText;
    }
  };

  function refresh(): void {
    const location = options.locate();
    const value = location?.map.get(location.key);
    watch(location?.map ?? null, value instanceof Y.Text ? value : null);
    if (composing) {
      stale = true;
      return;
    }
    const next = readText(value);
    const before = shown;
    show(next, (i) => mapIndex(before, next, i));
  }

  const onInput = () => {
    const location = options.locate();
    const doc = location?.map.doc;
    if (!location || !doc) return;
    const before = shown;
    const after = element.value;
    shown = after;
    if (before === after) return;
    applying = true;
    try {
      const target = ensureText(location.map, location.key);
      watch(location.map, target);
      const current = target.toString();
      // Typed against what the field showed; when the shared text moved on meanwhile (a
      // composition held remote changes back), the typing is merged onto it instead.
      const edit = current === before ? textEdit(before, after, element.selectionEnd ?? undefined) : textEdit(current, mergeOnto(before, after, current));
      if (!edit) return;
      options.beforeLocalEdit?.({ insert: edit.insert, remove: edit.remove, previousChar: edit.index > 0 ? current.charAt(edit.index - 1) : "" });
      doc.transact(() => applyEdit(target, edit));
    } finally {
      applying = false;
    }
    const actual = text?.toString() ?? after;
    if (actual !== after) show(actual, (i) => mapIndex(after, actual, i));
  };

  const onCompositionStart = () => {
    composing = true;
  };
  const onCompositionEnd = () => {
    composing = false;
    // The input event of the final composition has been handled by now (or comes next and
    // diffs against what is shown); catch up with what others typed meanwhile.
    queueMicrotask(() => {
      if (stale && !composing) {
        stale = false;
        refresh();
      }
    });
  };

  element.addEventListener("input", onInput);
  element.addEventListener("compositionstart", onCompositionStart);
  element.addEventListener("compositionend", onCompositionEnd);
  refresh();

  return {
    refresh,
    destroy() {
      element.removeEventListener("input", onInput);
      element.removeEventListener("compositionstart", onCompositionStart);
      element.removeEventListener("compositionend", onCompositionEnd);
      watch(null, null);
    },
  };
}
