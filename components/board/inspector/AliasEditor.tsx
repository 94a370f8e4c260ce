import { useId, useState, type KeyboardEvent } from "react";
import { X } from "lucide-react";
import { FIELD_CLASS } from "../LiveFields";

/**
 * The other names people use for this player, as chips. A comma or Enter turns what was typed
 * into chips (so pasting "dealer, reseller" gives two); leaving the field keeps what is left.
 */
export function AliasEditor({ aliases, onChange }: { aliases: readonly string[]; onChange: (aliases: string[]) => void }) {
  const id = useId();
  const [draft, setDraft] = useState("");

  const add = (names: string[]) => {
    const fresh = names.map((n) => n.trim()).filter((n) => n && !aliases.includes(n));
    if (fresh.length) onChange([...aliases, ...new Set(fresh)]);
  };
  const type = (text: string) => {
    const parts = text.split(",");
    const rest = parts.pop() ?? "";
    add(parts);
    setDraft(rest);
  };
  const commit = () => {
    add([draft]);
    setDraft("");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit();
    } else if (event.key === "Backspace" && !draft && aliases.length) {
      onChange(aliases.slice(0, -1));
    }
  };

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-semibold text-slate-600">
        Also called
      </label>
      {aliases.length > 0 && (
        <ul className="flex flex-wrap gap-1" aria-label="Other names">
          {aliases.map((alias) => (
            <li key={alias} data-testid="alias-chip" className="flex items-center gap-0.5 rounded-full bg-slate-100 py-0.5 pr-0.5 pl-2 text-xs text-slate-700">
              {alias}
              <button
                type="button"
                onClick={() => onChange(aliases.filter((a) => a !== alias))}
                aria-label={`Remove the name ${alias}`}
                className="rounded-full p-0.5 text-slate-500 hover:bg-slate-200 hover:text-slate-800"
              >
                <X className="size-3" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        type="text"
        value={draft}
        onChange={(event) => type(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
        data-testid="inspector-aliases"
        placeholder="Type a name, then Enter or a comma"
        className={FIELD_CLASS}
      />
      <p className="text-xs text-slate-500">Record the names each team uses, so nobody argues about words again.</p>
    </div>
  );
}
