interface ConfirmInlineProps {
  question: string;
  confirmLabel: string;
  confirmTestId: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** An "are you sure?" in place, for actions that change things for everyone. */
export function ConfirmInline({ question, confirmLabel, confirmTestId, danger, busy, onConfirm, onCancel }: ConfirmInlineProps) {
  return (
    <div role="group" aria-label={question} className="space-y-2 rounded-md bg-slate-50 p-2 text-sm ring-1 ring-slate-200 ring-inset">
      <p className="text-slate-800">{question}</p>
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onCancel} className="rounded-md px-2.5 py-1 font-medium text-slate-700 hover:bg-slate-200">
          Cancel
        </button>
        <button
          type="button"
          data-testid={confirmTestId}
          disabled={busy}
          onClick={onConfirm}
          autoFocus
          className={`rounded-md px-2.5 py-1 font-medium text-white disabled:opacity-50 ${danger ? "bg-red-600 hover:bg-red-700" : "bg-indigo-600 hover:bg-indigo-700"}`}
        >
          {confirmLabel}
        </button>
      </div>
    </div>
  );
}
