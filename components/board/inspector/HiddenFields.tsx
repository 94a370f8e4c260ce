import { EyeOff } from "lucide-react";
import type { BlindAspect, HiddenAspects } from "@/lib/valuechain/blind";

const FIELD_NAMES: Record<BlindAspect, string> = {
  us: "whether this is us",
  consumers: "whether it consumes",
  starts: "where the chain starts",
  customer: "customer or not, and why",
  strategy: "sales strategy",
  transaction: "how we transact",
};

/** In place of the fields a blind round asks about: what is hidden, and until when. */
export function HiddenFields({ hidden }: { hidden: HiddenAspects }) {
  const names = [...hidden].filter((a) => a !== "starts").map((a) => FIELD_NAMES[a]);
  if (!names.length) return null;
  return (
    <p data-testid="inspector-hidden" className="flex items-start gap-1.5 rounded-md bg-slate-100 px-2 py-1.5 text-xs text-slate-600">
      <EyeOff className="mt-px size-3.5 shrink-0" aria-hidden />
      <span>Hidden until the reveal, while the group answers privately: {names.join(", ")}.</span>
    </p>
  );
}
