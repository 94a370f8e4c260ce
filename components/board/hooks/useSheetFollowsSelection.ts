import { useEffect, useRef } from "react";

/**
 * On a phone, selecting something opens the bottom sheet with its details, and clearing the
 * selection gives the screen back to the canvas. Only the change of "anything selected" moves
 * the sheet, so a person who closed it while keeping a selection keeps it closed.
 */
export function useSheetFollowsSelection(anySelected: boolean, setOpen: (open: boolean) => void): void {
  const before = useRef(anySelected);
  useEffect(() => {
    if (before.current === anySelected) return;
    before.current = anySelected;
    if (window.matchMedia("(max-width: 767.98px)").matches) setOpen(anySelected);
  }, [anySelected, setOpen]);
}
