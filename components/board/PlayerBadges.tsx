import { asSentence, CUSTOMER_LABELS, STRATEGY_LABELS, TRANSACTION_LABELS, type ValueLabel } from "@/lib/valuechain/labels";
import type { CustomerDecision, Player } from "@/lib/valuechain/model";
import { useHiddenAnswers } from "./workshop/BlindContext";

/** The customer badge is a mark after one word, "Customer ✓", coloured by the decision. */
const CUSTOMER: Record<CustomerDecision, { mark: string; className: string }> = {
  yes: { mark: "✓", className: "bg-emerald-50 text-emerald-700 ring-emerald-200" },
  no: { mark: "✗", className: "bg-rose-50 text-rose-700 ring-rose-200" },
  undecided: { mark: "?", className: "bg-amber-50 text-amber-700 ring-amber-200" },
};
const STRATEGY_CLASS = "bg-indigo-50 text-indigo-700 ring-indigo-200";
const NEUTRAL = "bg-slate-50 text-slate-600 ring-slate-200";

/** A value's badge: its short label, its meaning as the tooltip. */
const badgeOf = (value: ValueLabel) => ({ text: value.short ?? value.label, title: asSentence(value.hint) });

function Badge({ text, title, className }: { text: string; title: string; className: string }) {
  return (
    <span title={title} className={`rounded-full px-2 py-0.5 text-[11px] font-medium ring-1 ring-inset ${className}`}>
      {text}
    </span>
  );
}

/**
 * The answers recorded for a player, as compact badges (us is nobody's customer). During a
 * blind round the player comes without what is asked (lib/valuechain/blind.ts), except its
 * customer decision, which has no "nothing" value: its badge is left out here.
 */
export function PlayerBadges({ player }: { player: Player }) {
  const customerHidden = useHiddenAnswers().has("customer");
  const customer = CUSTOMER[player.customer];
  return (
    <div className="flex flex-wrap gap-1">
      {!player.isUs && !customerHidden && (
        <Badge text={`Customer ${customer.mark}`} title={asSentence(CUSTOMER_LABELS[player.customer].hint)} className={customer.className} />
      )}
      {player.strategy !== "none" && <Badge {...badgeOf(STRATEGY_LABELS[player.strategy])} className={STRATEGY_CLASS} />}
      {player.transaction !== "none" && <Badge {...badgeOf(TRANSACTION_LABELS[player.transaction])} className={NEUTRAL} />}
      {player.consumer && <Badge text="Consumes" title="Ultimately consumes the product as sold" className={NEUTRAL} />}
    </div>
  );
}
