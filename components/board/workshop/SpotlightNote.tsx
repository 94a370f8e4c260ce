import { Crosshair } from "lucide-react";
import type { FollowTarget } from "@/lib/collab/presence";
import { Banner } from "../Banner";

/** Shown instead of the usual follow banner while the facilitator's spotlight leads this view. */
export function SpotlightNote({ following, onStop }: { following: FollowTarget; onStop: () => void }) {
  return (
    <Banner
      testId="spotlight-note"
      icon={Crosshair}
      className="text-white shadow-md"
      style={{ background: following.color }}
      close={{ label: `Stop following ${following.name}`, onClick: onStop }}
    >
      Following the facilitator — move to stop
    </Banner>
  );
}
