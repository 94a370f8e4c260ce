import { useEffect, useRef } from "react";
import { useReactFlow, useStore, type ReactFlowState } from "@xyflow/react";
import { useSession } from "../hooks/useSession";
import { useOptionalWorkshop, type Workshop } from "./WorkshopContext";

export type DockState = "none" | "folded" | "open";

/** Whether the workshop's column beside the canvas shows, and how (WorkshopLayer). */
export function dockState(workshop: Pick<Workshop, "round" | "panelOpen" | "dockFolded"> | null, role: string): DockState {
  if (!workshop) return "none";
  const live = workshop.round !== null && workshop.round.status !== "closed";
  if (!live && !(role === "owner" && workshop.panelOpen)) return "none";
  return workshop.dockFolded ? "folded" : "open";
}

const selectPane = (s: ReactFlowState) => `${s.width}x${s.height}`;
const FIT = { padding: 0.1, maxZoom: 1, duration: 200 };

/**
 * When the workshop's column opens, folds or goes, the canvas changes size: fit the board to
 * the new canvas once it has it, so the cards a round talks about (and their agreement
 * colours after the reveal) stay in view rather than behind the canvas's new edge.
 */
export function useFitBesideWorkshop(): void {
  const { role } = useSession();
  const dock = dockState(useOptionalWorkshop(), role);
  const pane = useStore(selectPane);
  const { fitView } = useReactFlow();
  const seen = useRef(dock);
  const pending = useRef(false);

  useEffect(() => {
    if (seen.current === dock) return;
    seen.current = dock;
    pending.current = true;
  }, [dock]);
  useEffect(() => {
    if (!pending.current) return;
    pending.current = false;
    void fitView(FIT);
  }, [pane, fitView]);
}
