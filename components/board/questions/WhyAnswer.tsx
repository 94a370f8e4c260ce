import type { Answers } from "@/lib/valuechain/answers";
import { compareIds } from "@/lib/valuechain/model";
import { plural } from "./format";
import { PlayerList } from "./PlayerList";

/** Question 7: the reasons sit with questions 5 and 6; here, whether any decision still lacks one. */
export function WhyAnswer({ answers }: { answers: Answers }) {
  const decided = [...answers.customers, ...answers.nonCustomers];
  const missing = decided.filter((r) => !r.why.trim()).map((r) => r.id);
  if (decided.length === 0) return <p className="px-2 text-sm text-slate-700">Decide who is and is not a customer first; each decision then needs a reason.</p>;
  if (missing.length === 0) {
    return <p className="px-2 text-sm text-slate-700">Every decision above comes with a reason ({plural(decided.length, "decision")}).</p>;
  }
  return (
    <>
      <p data-testid="missing-reasons" className="px-2 text-sm font-medium text-rose-700">
        {missing.length} of {plural(decided.length, "decision")} {missing.length === 1 ? "has" : "have"} no reason yet:
      </p>
      <PlayerList ids={missing.sort(compareIds)} label="Decisions without a reason" />
    </>
  );
}
