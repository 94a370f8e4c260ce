import { useEffect, useRef } from "react";

/**
 * On a phone, clearing the selection (a tap on the empty canvas) gives the screen back to the
 * canvas: the bottom sheet closes. It opens when a card or channel is tapped (BoardActions).
 */
export function useSheetClosesWithSelection(anySelected: boolean, setOpen: (open: boolean) => void): void {
  const before = useRef(anySelected);
  useEffect(() => {
    const cleared = before.current && !anySelected;
    before.current = anySelected;
    if (cleared) setOpen(false);
  }, [anySelected, setOpen]);
}
