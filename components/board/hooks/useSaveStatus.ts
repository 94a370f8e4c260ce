import { useSyncExternalStore } from "react";
import type { SaveStatus, SaveTracker } from "@/lib/collab/saveStatus";

export function useSaveStatus(save: SaveTracker): SaveStatus {
  return useSyncExternalStore(save.subscribe, save.get, save.get);
}
