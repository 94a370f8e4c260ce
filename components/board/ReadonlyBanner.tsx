import { Eye } from "lucide-react";

export function ReadonlyBanner() {
  return (
    <div
      data-testid="readonly-banner"
      role="status"
      className="flex items-center gap-2 rounded-full border border-amber-300 bg-amber-50 px-3 py-1 text-sm font-medium text-amber-900 shadow-sm"
    >
      <Eye className="size-4" aria-hidden />
      View only — you can look around, not change the board
    </div>
  );
}
