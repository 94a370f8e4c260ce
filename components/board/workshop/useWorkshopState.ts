import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { editingLocked, readRound, readSpotlight, workshopOf, type PublicRound, type Spotlight } from "@/lib/collab/boardDoc";

/** A value read from the document's `workshop` map, re-read whenever that map changes. */
function useWorkshopValue<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const [value, setValue] = useState(() => read(doc));
  useEffect(() => {
    const map = workshopOf(doc);
    let last = JSON.stringify(read(doc));
    const reread = () => {
      const next = read(doc);
      const key = JSON.stringify(next);
      // The map changes for the round and the spotlight alike: keep the old value when ours did not.
      if (key === last) return;
      last = key;
      setValue(next);
    };
    setValue(read(doc));
    // Deep: who answered lives in a nested map, whose changes the workshop map itself does not see.
    map.observeDeep(reread);
    return () => map.unobserveDeep(reread);
  }, [doc, read]);
  return value;
}

/** The current round as everyone may see it (status, questions, timer, who answered), live. */
export const usePublicRound = (doc: Y.Doc): PublicRound | null => useWorkshopValue(doc, readRound);

/** The facilitator's "bring everyone to my view", live. */
export const useSpotlight = (doc: Y.Doc): Spotlight | null => useWorkshopValue(doc, readSpotlight);

/** Is editing locked for everyone but the owner (an open round that asked for it)? */
export const useEditingLocked = (doc: Y.Doc): boolean => useWorkshopValue(doc, editingLocked);
