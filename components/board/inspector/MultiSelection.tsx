import { SelectionActions } from "./SelectionActions";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function MultiSelection({ players, channels, canEdit, onDuplicate, onDelete }: { players: number; channels: number; canEdit: boolean; onDuplicate: () => void; onDelete: () => void }) {
  const parts = [players && plural(players, "player"), channels && plural(channels, "channel")].filter(Boolean);
  return (
    <div className="space-y-4">
      <h2 className="text-sm font-semibold text-slate-900" data-testid="selection-count">
        {parts.join(" and ")} selected
      </h2>
      <p className="text-sm text-slate-600">Select a single player or channel to see and edit its details.</p>
      {canEdit && <SelectionActions onDuplicate={players ? onDuplicate : undefined} onDelete={onDelete} />}
    </div>
  );
}
