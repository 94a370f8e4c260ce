import { useCallback, useEffect, useRef } from "react";
import { remoteEditors, sameRemoteSelections, type RemoteSelector } from "@/lib/collab/presence";
import { usePresence } from "../hooks/usePresence";
import { useSession } from "../hooks/useSession";

const NOBODY: readonly RemoteSelector[] = [];

/**
 * Who else is typing in the field `key` (presence `editing`), and the focus handlers that tell
 * everyone when this person is. The undo step ends when the focus enters a field, so typing in
 * two fields never undoes as one.
 */
export function useFieldPresence(key: string) {
  const { session } = useSession();
  const { awareness } = session.provider;
  const editors = usePresence(awareness, remoteEditors, sameRemoteSelections).get(key) ?? NOBODY;
  const focused = useRef(false);

  const onFocus = useCallback(() => {
    focused.current = true;
    session.undo.stopCapturing();
    session.undo.typing(true);
    awareness.setLocalStateField("editing", key);
  }, [awareness, key, session.undo]);
  const onBlur = useCallback(() => {
    focused.current = false;
    session.undo.stopCapturing();
    session.undo.typing(false);
    if ((awareness.getLocalState() as { editing?: unknown } | null)?.editing === key) awareness.setLocalStateField("editing", null);
  }, [awareness, key, session.undo]);

  // A field that unmounts while focused (the selection changed) no longer holds anyone.
  useEffect(
    () => () => {
      if (!focused.current) return;
      session.undo.typing(false);
      if ((awareness.getLocalState() as { editing?: unknown } | null)?.editing === key) awareness.setLocalStateField("editing", null);
    },
    [awareness, key, session.undo],
  );

  return { editors, onFocus, onBlur };
}
