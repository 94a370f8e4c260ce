import { useLayoutEffect, useRef, type RefObject } from "react";
import { locateTextField, type TextFieldRef } from "@/lib/collab/boardDoc";
import { bindTextField, type TextBinding, type TextElement } from "@/lib/collab/textBinding";
import { useSession } from "../hooks/useSession";
import { wordStepper } from "./wordSteps";

/**
 * Binds a text element to a free-text field of the live board (lib/collab/textBinding): typing
 * becomes character edits of a shared Y.Text, others' typing arrives without moving the caret,
 * and undo steps are word-sized. `value` is the field's text as the board shows it; a change of
 * it makes the binding look again (the player may have been re-created by an undo).
 */
export function useCollabText(ref: RefObject<TextElement | null>, field: TextFieldRef, value: string): void {
  const { session } = useSession();
  const binding = useRef<TextBinding | null>(null);
  const fieldRef = useRef(field);
  fieldRef.current = field;
  const fieldId = field.kind === "title" ? "title" : `${field.kind}:${field.id}:${field.field}`;

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const step = wordStepper(session.undo);
    element.value = value;
    const b = bindTextField(element, {
      locate: () => locateTextField(session.doc, fieldRef.current),
      beforeLocalEdit: step,
    });
    binding.current = b;
    // The browser's own undo of a text field knows nothing of the shared text and would write
    // its old value back over everyone's typing: undo and redo here are this person's own steps.
    const onBeforeInput = (event: InputEvent) => {
      if (event.inputType !== "historyUndo" && event.inputType !== "historyRedo") return;
      event.preventDefault();
      if (event.inputType === "historyUndo") session.undo.undo();
      else session.undo.redo();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const redo = (key === "z" && event.shiftKey) || (key === "y" && event.ctrlKey && !event.shiftKey);
      if (key !== "z" && !redo) return;
      event.preventDefault();
      if (redo) session.undo.redo();
      else session.undo.undo();
    };
    const target: HTMLElement = element;
    target.addEventListener("beforeinput", onBeforeInput);
    target.addEventListener("keydown", onKeyDown);
    return () => {
      target.removeEventListener("beforeinput", onBeforeInput);
      target.removeEventListener("keydown", onKeyDown);
      b.destroy();
      binding.current = null;
    };
    // `value` only seeds the element; later values arrive through refresh below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ref, session, fieldId]);

  useLayoutEffect(() => {
    binding.current?.refresh();
  }, [value]);
}
