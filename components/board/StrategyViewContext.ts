import { createContext } from "react";

/**
 * Whether the canvas shows the sales-strategy view. Cards read it from here, not from their
 * node data, so switching the view restyles the cards without rebuilding the nodes.
 */
export const StrategyViewContext = createContext(false);
