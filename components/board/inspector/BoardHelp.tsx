const SHORTCUTS: { keys: string; what: string; editing?: true }[] = [
  { keys: "Tab", what: "move from player to player along the chain, then the channels" },
  { keys: "C", what: "draw a channel from the selected player", editing: true },
  { keys: "Delete", what: "delete the selection", editing: true },
  { keys: "Ctrl/⌘ D", what: "duplicate selected players", editing: true },
  { keys: "Ctrl/⌘ Z", what: "undo your last change", editing: true },
  { keys: "Shift Ctrl/⌘ Z", what: "redo", editing: true },
  { keys: "Ctrl/⌘ A", what: "select everything" },
  { keys: "Shift drag", what: "select an area" },
  { keys: "Esc", what: "clear the selection, stop following" },
  { keys: "Q", what: "switch between these details and the eight questions" },
  { keys: "S", what: "strategy view: colour players by sales strategy" },
];

/** What to do on the board, shown while nothing is selected. */
export function BoardHelp({ canEdit }: { canEdit: boolean }) {
  return (
    <div className="space-y-4 text-sm text-slate-600">
      <h2 className="text-sm font-semibold text-slate-900">Nothing selected</h2>
      {canEdit ? (
        <ol className="list-decimal space-y-2 pl-5">
          <li>Add the players of your value chain with the toolbar on the left: click a type, or drag it onto the board.</li>
          <li>
            Draw a channel by dragging from the dot on a card&apos;s right edge onto another card, then say what it carries: goods, commercial or influence. Without a
            mouse, select the card and press C; on a touch screen, press and hold the card.
          </li>
          <li>Select a player to say whether it is a customer, and why, how you sell to it, and which player is you.</li>
        </ol>
      ) : (
        <p>Select a player or a channel to read what the team recorded about it. Click someone&apos;s avatar at the top to follow their view.</p>
      )}
      <div>
        <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">Shortcuts</h3>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-xs">
          {SHORTCUTS.filter((s) => canEdit || !s.editing).map(({ keys, what }) => (
            <div key={keys} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-sans text-[11px] text-slate-700">{keys}</kbd>
              </dt>
              <dd className="self-center">{what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
