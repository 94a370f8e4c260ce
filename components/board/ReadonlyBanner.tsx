import { Eye } from "lucide-react";
import { Banner } from "./Banner";

export function ReadonlyBanner() {
  return (
    <Banner testId="readonly-banner" icon={Eye} className="border border-amber-300 bg-amber-50 text-amber-900 shadow-sm">
      View only — you can look around, not change the board
    </Banner>
  );
}
