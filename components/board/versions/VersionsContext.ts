import { createContext, useContext } from "react";
import type { VersionsController } from "./useVersionsController";

/** The versions feature of the open board: what is shown instead of the live canvas, the list, the actions. */
export const VersionsContext = createContext<VersionsController | null>(null);

export function useVersions(): VersionsController {
  const value = useContext(VersionsContext);
  if (!value) throw new Error("useVersions is only available inside the board page");
  return value;
}
