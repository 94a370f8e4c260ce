import type { FollowTarget } from "@/lib/collab/presence";
import { useSession } from "../hooks/useSession";
import { EditingPausedBanner, useEditingPaused } from "./EditingLock";
import { SpotlightNote } from "./SpotlightNote";
import { useFollowingSpotlight } from "./useSpotlightFollow";

/** What the canvas's own banners must give way to: the round's editing pause, the facilitator's spotlight. */
export function useCanvasWorkshop(following: FollowTarget | null): { editingPaused: boolean; followingSpotlight: boolean } {
  const { session } = useSession();
  return { editingPaused: useEditingPaused(), followingSpotlight: useFollowingSpotlight(session.doc, following) };
}

/** The workshop's banners at the top of the canvas. */
export function WorkshopBanners({ following, onStopFollowing }: { following: FollowTarget | null; onStopFollowing: () => void }) {
  const { editingPaused, followingSpotlight } = useCanvasWorkshop(following);
  return (
    <>
      {editingPaused && <EditingPausedBanner />}
      {following && followingSpotlight && <SpotlightNote following={following} onStop={onStopFollowing} />}
    </>
  );
}
