import { LEVEL_COLORS } from "./decorations";
import type { PlayerMark } from "./AgreementContext";

/** A coloured ring and a small label around a player card: the group's agreement, or this person's pick. */
export function AgreementMark({ mark }: { mark: PlayerMark }) {
  const { agreement, picked } = mark;
  if (!agreement && !picked) return null;
  const color = agreement ? LEVEL_COLORS[agreement.level] : "#4f46e5";
  return (
    <>
      <div
        aria-hidden
        className={`pointer-events-none absolute -inset-[7px] rounded-[18px] border-[3px] ${agreement ? "" : "border-dashed"}`}
        style={{ borderColor: color }}
      />
      <span
        data-testid={agreement ? "agreement-label" : "picked-label"}
        title={agreement?.detail}
        className="absolute -top-3 right-2 z-10 rounded-full px-2 py-0.5 text-[11px] font-semibold whitespace-nowrap text-white shadow-sm"
        style={{ background: color }}
      >
        {agreement ? agreement.label : "Your pick"}
      </span>
    </>
  );
}
