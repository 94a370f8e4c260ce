import { useCallback } from "react";
import { setSpotlight } from "@/lib/collab/boardDoc";
import { useSession } from "../../hooks/useSession";
import { useSpotlight } from "../useWorkshopState";
import { useWorkshop } from "../WorkshopContext";

/** The facilitator's spotlight: everyone else follows this browser's view until they move. */
export function useBringEveryone() {
  const { session } = useSession();
  const { identity } = useWorkshop();
  const spotlight = useSpotlight(session.doc);
  const me = session.provider.awareness.clientID;
  const bring = useCallback(
    () => setSpotlight(session.doc, { clientId: me, name: identity?.name ?? "The facilitator", since: new Date().toISOString() }),
    [session.doc, me, identity],
  );
  const stop = useCallback(() => setSpotlight(session.doc, null), [session.doc]);
  return { active: spotlight !== null, mine: spotlight?.clientId === me, leader: spotlight?.name ?? null, bring, stop };
}
