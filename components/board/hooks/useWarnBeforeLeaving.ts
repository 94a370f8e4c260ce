import { useEffect } from "react";
import type { SaveTracker } from "@/lib/collab/saveStatus";

/** Asks before the page closes while some change here has not reached the server's database. */
export function useWarnBeforeLeaving(save: SaveTracker): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!save.get().unsaved) return;
      event.preventDefault();
      // Older browsers only ask when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [save]);
}
