import { useContext, useEffect, useRef } from "react";
import { HighlightContext } from "../HighlightContext";

/**
 * Props for an element that highlights players (and channels) on the canvas while the pointer
 * is over it or keyboard focus is inside it.
 */
export function useHighlightOnHover(players: readonly string[], channels: readonly string[] = []) {
  const store = useContext(HighlightContext);
  const hide = useRef<(() => void) | null>(null);
  const stop = () => {
    hide.current?.();
    hide.current = null;
  };
  const start = () => {
    stop();
    hide.current = store.show(players, channels);
  };
  // An answer that disappears while pointed at (someone else's edit, a tab switch) takes its highlight with it.
  useEffect(() => () => hide.current?.(), []);
  return { onMouseEnter: start, onMouseLeave: stop, onFocus: start, onBlur: stop };
}
