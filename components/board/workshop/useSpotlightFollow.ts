import { useEffect, useRef, type Dispatch, type SetStateAction } from "react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { colorForName, readPeer, type FollowTarget } from "@/lib/collab/presence";
import { useSpotlight } from "./useWorkshopState";

/**
 * "Bring everyone to my view": when the facilitator turns the spotlight on, everyone else starts
 * following the facilitator's viewport (the board's ordinary following, so moving, Esc or a
 * click stops it, and the spotlight does not pull that person back). Turning it on again brings
 * everyone back; turning it off stops whoever still follows.
 */
export function useSpotlightFollow(doc: Y.Doc, awareness: Awareness, setFollowing: Dispatch<SetStateAction<FollowTarget | null>>): void {
  const spotlight = useSpotlight(doc);
  const handled = useRef<{ key: string | null; clientId: number | null }>({ key: null, clientId: null });

  useEffect(() => {
    const key = spotlight ? `${spotlight.clientId}|${spotlight.since}` : null;
    if (key === handled.current.key) return;
    const previous = handled.current.clientId;
    if (!spotlight) {
      handled.current = { key, clientId: null };
      if (previous !== null) setFollowing((current) => (current?.clientId === previous ? null : current));
      return;
    }
    if (spotlight.clientId === awareness.clientID) {
      handled.current = { key, clientId: null };
      return;
    }
    // The document may arrive before the facilitator's presence: wait for it, or the follow
    // would stop at once for want of someone to follow.
    const tryFollow = () => {
      const peer = readPeer(spotlight.clientId, awareness.getStates().get(spotlight.clientId));
      if (!peer) return false;
      handled.current = { key, clientId: spotlight.clientId };
      setFollowing({ clientId: spotlight.clientId, name: spotlight.name || peer.user.name, color: peer.user.color || colorForName(spotlight.name) });
      return true;
    };
    if (tryFollow()) return;
    const onChange = () => {
      if (tryFollow()) awareness.off("change", onChange);
    };
    awareness.on("change", onChange);
    return () => awareness.off("change", onChange);
  }, [spotlight, awareness, setFollowing]);
}

/** Is this person following the facilitator's spotlight (rather than someone they chose)? */
export function useFollowingSpotlight(doc: Y.Doc, following: FollowTarget | null): boolean {
  const spotlight = useSpotlight(doc);
  return !!following && !!spotlight && following.clientId === spotlight.clientId;
}
