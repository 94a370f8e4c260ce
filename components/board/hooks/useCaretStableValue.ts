import { useLayoutEffect, type RefObject } from "react";

const same = (raw: string) => raw;

/**
 * Where a caret at `caret` in `before` belongs once the text became `after`: text changed
 * behind the caret moves it by the length difference, text changed ahead of it leaves it.
 */
function shiftCaret(before: string, after: string, caret: number): number {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix++;
  }
  if (caret <= prefix) return caret;
  if (caret >= before.length - suffix) return caret + after.length - before.length;
  return after.length - suffix;
}

/**
 * Shows `value` in an uncontrolled field without disturbing the person typing in it: values
 * that only echo what the field already holds are ignored (`normalize` says what the field's
 * text means, e.g. "60." is 60), and a change from someone else keeps the caret where it was.
 */
export function useCaretStableValue(
  ref: RefObject<HTMLInputElement | HTMLTextAreaElement | null>,
  value: string,
  normalize: (raw: string) => string = same,
): void {
  useLayoutEffect(() => {
    const field = ref.current;
    if (!field || normalize(field.value) === value) return;
    const before = field.value;
    const { selectionStart, selectionEnd } = field;
    field.value = value;
    if (field === document.activeElement && selectionStart !== null && selectionEnd !== null) {
      field.setSelectionRange(shiftCaret(before, value, selectionStart), shiftCaret(before, value, selectionEnd));
    }
  }, [ref, value, normalize]);
}
