import { CUSTOMER_DECISIONS, type CustomerDecision } from "@/lib/valuechain/model";
import { CUSTOMER_LABELS } from "@/lib/valuechain/labels";

/** Customer / Not a customer / Undecided as one row of radio buttons. */
export function CustomerChoice({ name, value, onChange }: { name: string; value: CustomerDecision; onChange: (value: CustomerDecision) => void }) {
  return (
    <fieldset data-testid="inspector-customer" className="space-y-1">
      <legend className="text-xs font-semibold text-slate-600">Is this a customer of ours?</legend>
      <div className="grid grid-cols-3 gap-1 rounded-lg bg-slate-100 p-1">
        {CUSTOMER_DECISIONS.map((decision) => (
          <label
            key={decision}
            className="flex cursor-pointer items-center justify-center gap-1.5 rounded-md px-2 py-1 text-center text-sm leading-tight text-slate-700 has-checked:bg-white has-checked:font-medium has-checked:text-slate-900 has-checked:shadow-sm has-focus-visible:outline-2 has-focus-visible:outline-indigo-500"
          >
            <input
              type="radio"
              name={name}
              value={decision}
              checked={value === decision}
              onChange={() => onChange(decision)}
              className="size-3.5 accent-indigo-600"
            />
            {CUSTOMER_LABELS[decision].label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
