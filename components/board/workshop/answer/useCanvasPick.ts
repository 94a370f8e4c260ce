import { useEffect, useRef } from "react";

/**
 * While `active`, a click on a player card on the canvas calls `onPick` with its id, and
 * nothing else: the click is stopped before React Flow sees it, so the card is not selected —
 * a selection is published to everyone's presence and would give the private answer away.
 * Listening on the document keeps the canvas unaware of the workshop.
 */
export function useCanvasPick(active: boolean, onPick: (playerId: string) => void): void {
  const latest = useRef(onPick);
  useEffect(() => {
    latest.current = onPick;
  });
  useEffect(() => {
    if (!active) return;
    const onClick = (event: MouseEvent) => {
      if (!(event.target instanceof Element)) return;
      const id = event.target.closest(".react-flow__node")?.getAttribute("data-id");
      // A click on a handle starts a channel, not a pick.
      if (!id || event.target.closest(".react-flow__handle")) return;
      event.stopPropagation();
      latest.current(id);
    };
    document.addEventListener("click", onClick, { capture: true });
    return () => document.removeEventListener("click", onClick, { capture: true });
  }, [active]);
}
