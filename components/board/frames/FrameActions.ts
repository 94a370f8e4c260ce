import { createContext, useContext } from "react";

/** What a frame can do beyond moving, given by the canvas. */
export interface FrameActions {
  resize(id: string, box: { x: number; y: number; width: number; height: number }): void;
}

export const FrameActionsContext = createContext<FrameActions>({ resize: () => {} });
export const useFrameActions = () => useContext(FrameActionsContext);
