import { useCallback } from "react";
import { useSession } from "../../hooks/useSession";
import { useSpotlight } from "../useWorkshopState";
import { useWorkshop } from "../WorkshopContext";

/** The facilitator's spotlight: everyone else follows this browser's view until they move. */
export function useBringEveryone() {
  const { session } = useSession();
  const { identity, client } = useWorkshop();
  const spotlight = useSpotlight(session.doc);
  const me = session.provider.awareness.clientID;
  // The server writes the spotlight (R-WORKSHOP); it reaches this page like everyone's, by sync.
  const bring = useCallback(() => void client.spotlight({ clientId: me, name: identity?.name ?? "The facilitator" }).catch(() => {}), [client, me, identity]);
  const stop = useCallback(() => void client.spotlight(null).catch(() => {}), [client]);
  return { active: spotlight !== null, mine: spotlight?.clientId === me, leader: spotlight?.name ?? null, bring, stop };
}
