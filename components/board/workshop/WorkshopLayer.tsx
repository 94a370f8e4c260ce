import type { Board } from "@/lib/valuechain/model";
import { useSession } from "../hooks/useSession";
import { useEditingPaused } from "./EditingLock";
import { WorkshopPanel } from "./facilitator/WorkshopPanel";
import { RoundCard } from "./RoundCard";
import { useWorkshop } from "./WorkshopContext";

/** Room for each banner stacked at the top centre of the canvas (read-only, paused, following). */
const BANNER_PX = 44;
const EDGE_PX = 12;
/** The layer's width plus its margin: what the walkthrough keeps clear when it fits the view. */
export const WORKSHOP_LAYER_PX = 26 * 16 + 2 * EDGE_PX;

/**
 * The workshop over the canvas's right edge: the facilitator's panel when open, and the current
 * round for everyone while it is open or revealed. It starts below the canvas's banners, so
 * "Editing is paused" and "Following the facilitator" stay readable, and the canvas stays
 * usable around it.
 */
export function WorkshopLayer({ board, following }: { board: Board; following: boolean }) {
  const { role, canEdit } = useSession();
  const { round, panelOpen } = useWorkshop();
  const paused = useEditingPaused();
  const live = round && round.status !== "closed" ? round : null;
  const panel = role === "owner" && panelOpen;
  if (!live && !panel) return null;
  const banners = Number(!canEdit) + Number(following);
  const top = EDGE_PX + banners * BANNER_PX;
  return (
    <div
      data-testid="workshop-layer"
      data-editing-paused={paused || undefined}
      style={{ top, maxHeight: `calc(100% - ${top + EDGE_PX}px)` }}
      className="absolute right-3 z-10 flex w-[26rem] max-w-[calc(100%-1.5rem)] flex-col gap-2 overflow-y-auto overscroll-contain rounded-xl"
    >
      {panel ? <WorkshopPanel board={board} live={live} /> : live && <RoundCard round={live} board={board} />}
    </div>
  );
}
