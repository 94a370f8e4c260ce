import { Crosshair } from "lucide-react";
import { Banner } from "./Banner";

export function FollowBanner({ name, color, onStop }: { name: string; color: string; onStop: () => void }) {
  return (
    <Banner testId="follow-banner" icon={Crosshair} className="text-white shadow-md" style={{ background: color }} close={{ label: `Stop following ${name}`, onClick: onStop }}>
      Following {name} — press Esc or move to stop
    </Banner>
  );
}
