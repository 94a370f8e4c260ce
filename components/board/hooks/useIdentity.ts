import { useCallback, useState } from "react";
import { isParticipantFunction, type Identity } from "@/lib/collab/presence";

const KEY = "chainboard.identity";

function readIdentity(): Identity | null {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? "null");
    if (typeof parsed === "object" && parsed !== null && "name" in parsed && "fn" in parsed) {
      const { name, fn } = parsed;
      if (typeof name === "string" && name.trim() && isParticipantFunction(fn)) return { name: name.trim(), fn };
    }
  } catch {
    // Missing or unreadable: ask again.
  }
  return null;
}

/** Who this person is on every board opened in this browser (name and function). */
export function useIdentity(): [Identity | null, (identity: Identity) => void] {
  const [identity, setIdentity] = useState(readIdentity);
  const save = useCallback((next: Identity) => {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // Storage disabled: keep it for this page only.
    }
    setIdentity(next);
  }, []);
  return [identity, save];
}
