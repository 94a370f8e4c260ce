import { usePlayerLookup } from "../hooks/usePlayerLookup";

/** The name people see for a player; a player without one is still there to click. */
export function displayName(name: string | undefined): string {
  return name?.trim() || "Unnamed";
}

/**
 * A player's name as a button that selects it and centres the canvas on it, with the other
 * names people use for it beside it ("Dealer (also: Reseller, Showroom)"), or, where space is
 * short, in its tooltip.
 */
export function PlayerName({ id, aliases = "beside" }: { id: string; aliases?: "beside" | "tooltip" }) {
  const { byId, show } = usePlayerLookup();
  const player = byId.get(id);
  const name = displayName(player?.name);
  const others = player?.aliases ?? [];
  const also = others.length ? `also: ${others.join(", ")}` : "";
  return (
    <span>
      <button
        type="button"
        onClick={() => show([id])}
        title={aliases === "tooltip" && also ? `${name} (${also})` : `Show ${name} on the canvas`}
        className={`inline-block min-h-6 min-w-6 rounded-sm text-left font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 ${player?.name.trim() ? "" : "italic"}`}
      >
        {name}
      </button>
      {aliases === "beside" && also && <span className="text-slate-500"> ({also})</span>}
    </span>
  );
}
