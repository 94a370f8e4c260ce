import { useEffect } from "react";
import type { Awareness } from "y-protocols/awareness";
import { presenceUser, type Identity } from "@/lib/collab/presence";

/** Tells everyone who this person is and what they have selected. */
export function usePublishPresence(awareness: Awareness, identity: Identity | null, selection: readonly string[]): void {
  useEffect(() => {
    if (identity) awareness.setLocalStateField("user", presenceUser(identity));
  }, [awareness, identity]);
  useEffect(() => {
    awareness.setLocalStateField("selection", [...selection]);
  }, [awareness, selection]);
}
