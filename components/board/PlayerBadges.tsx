import type { CustomerDecision, Player, Strategy, Transaction } from "@/lib/valuechain/model";
import { useHiddenAnswers } from "./workshop/BlindContext";

const CUSTOMER: Record<CustomerDecision, { text: string; title: string; className: string }> = {
  yes: { text: "Customer ✓", title: "A customer", className: "bg-emerald-50 text-emerald-700 ring-emerald-200" },
  no: { text: "Customer ✗", title: "Not a customer", className: "bg-rose-50 text-rose-700 ring-rose-200" },
  undecided: { text: "Customer ?", title: "Not decided yet whether this is a customer", className: "bg-amber-50 text-amber-700 ring-amber-200" },
};

const STRATEGY: Record<Strategy, { text: string; title: string } | null> = {
  push: { text: "Push", title: "We sell into this segment" },
  pull: { text: "Pull", title: "We create demand so this segment asks for us" },
  "push-pull": { text: "Push-pull", title: "We both sell into and create demand in this segment" },
  specification: { text: "Spec", title: "We get written into this specifier's designs" },
  none: null,
};
const TRANSACTION: Record<Transaction, string | null> = { direct: "Direct", indirect: "Indirect", none: null };
const NEUTRAL = "bg-slate-50 text-slate-600 ring-slate-200";

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
  const strategy = STRATEGY[player.strategy];
  const transaction = TRANSACTION[player.transaction];
  return (
    <div className="flex flex-wrap gap-1">
      {!player.isUs && !customerHidden && <Badge {...CUSTOMER[player.customer]} />}
      {strategy && <Badge {...strategy} className="bg-indigo-50 text-indigo-700 ring-indigo-200" />}
      {transaction && <Badge text={transaction} title={`We transact ${transaction.toLowerCase()}ly`} className={NEUTRAL} />}
      {player.consumer && <Badge text="Consumes" title="Ultimately consumes the product as sold" className={NEUTRAL} />}
    </div>
  );
}
