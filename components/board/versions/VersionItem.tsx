import { useState, type FormEvent, type ReactNode } from "react";
import { Eye, GitCompareArrows, Pencil, RotateCcw, Trash2 } from "lucide-react";
import { useSession } from "../hooks/useSession";
import { ConfirmInline } from "./ConfirmInline";
import { fullTime, timeAgo } from "./relativeTime";
import { useVersions } from "./VersionsContext";
import { LIVE, type VersionSummary } from "@/lib/contracts/versions";

const ACTION = "inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:opacity-50";

type Mode = { kind: "idle" } | { kind: "rename" } | { kind: "confirm-restore" } | { kind: "confirm-delete" };

interface VersionItemProps {
  version: VersionSummary;
  now: number;
  /** While a second version is being picked for a comparison: the first one. */
  picking: VersionSummary | null;
  onStartPicking: (version: VersionSummary) => void;
  onPicked: (version: VersionSummary) => void;
  /** Closes the drawer after an action that changes what the canvas shows. */
  onDone: () => void;
}

/** One saved version: who saved it and when, and what can be done with it (by role). */
export function VersionItem({ version, now, picking, onStartPicking, onPicked, onDone }: VersionItemProps) {
  const { role, canEdit } = useSession();
  const { api, openVersion, compare, restore, refresh } = useVersions();
  const [mode, setMode] = useState<Mode>({ kind: "idle" });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setMode({ kind: "idle" });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const rename = (name: string) =>
    run(async () => {
      await api.rename(version.id, name);
      await refresh();
    });
  const remove = () =>
    run(async () => {
      await api.remove(version.id);
      await refresh();
    });
  const restoreIt = () =>
    run(async () => {
      await restore(version);
      onDone();
    });

  let actions: ReactNode;
  if (picking) {
    actions =
      picking.id === version.id ? (
        <p className="text-xs font-medium text-indigo-700">Comparing from this version</p>
      ) : (
        <button type="button" data-testid="compare-pick" onClick={() => onPicked(version)} className={`${ACTION} bg-indigo-50 text-indigo-700 hover:bg-indigo-100`}>
          <GitCompareArrows className="size-3.5" aria-hidden />
          Compare with this one
        </button>
      );
  } else if (mode.kind === "rename") {
    actions = <RenameForm initial={version.name} busy={busy} onSave={rename} onCancel={() => setMode({ kind: "idle" })} />;
  } else if (mode.kind === "confirm-restore") {
    actions = (
      <ConfirmInline
        question={`Make the board “${version.name}” again, for everyone? The board as it is now is saved first as an automatic version, and Ctrl+Z undoes it.`}
        confirmLabel="Restore"
        confirmTestId="confirm-restore"
        busy={busy}
        onConfirm={restoreIt}
        onCancel={() => setMode({ kind: "idle" })}
      />
    );
  } else if (mode.kind === "confirm-delete") {
    actions = (
      <ConfirmInline
        question={`Delete the version “${version.name}” for good? The live board is not affected.`}
        confirmLabel="Delete"
        confirmTestId="confirm-delete"
        danger
        busy={busy}
        onConfirm={remove}
        onCancel={() => setMode({ kind: "idle" })}
      />
    );
  } else {
    actions = (
      <div className="flex flex-wrap gap-1">
        <button
          type="button"
          data-testid="open-version"
          onClick={() => {
            openVersion(version);
            onDone();
          }}
          className={ACTION}
        >
          <Eye className="size-3.5" aria-hidden />
          Open
        </button>
        <button
          type="button"
          data-testid="compare-live"
          onClick={() => {
            compare(version.id, LIVE);
            onDone();
          }}
          className={ACTION}
        >
          <GitCompareArrows className="size-3.5" aria-hidden />
          Compare with live
        </button>
        <button type="button" data-testid="compare-with" onClick={() => onStartPicking(version)} className={ACTION}>
          Compare with…
        </button>
        {canEdit && (
          <>
            <button type="button" data-testid="rename-version" onClick={() => setMode({ kind: "rename" })} className={ACTION} aria-label={`Rename “${version.name}”`}>
              <Pencil className="size-3.5" aria-hidden />
              Rename
            </button>
            <button type="button" data-testid="restore-version" onClick={() => setMode({ kind: "confirm-restore" })} className={ACTION}>
              <RotateCcw className="size-3.5" aria-hidden />
              Restore
            </button>
          </>
        )}
        {role === "owner" && (
          <button type="button" data-testid="delete-version" onClick={() => setMode({ kind: "confirm-delete" })} className={`${ACTION} text-red-700 hover:bg-red-50`} aria-label={`Delete “${version.name}”`}>
            <Trash2 className="size-3.5" aria-hidden />
            Delete
          </button>
        )}
      </div>
    );
  }

  return (
    <li data-testid="version-item" data-version-id={version.id} data-auto={String(version.auto)} className="space-y-1.5 border-b border-slate-100 px-4 py-3">
      <div className="flex items-start gap-2">
        <p data-testid="version-item-name" className="min-w-0 flex-1 font-medium break-words text-slate-900">
          {version.name}
        </p>
        {version.auto && (
          <span title="Saved by Chainboard on its own: regularly while people edit, and before every restore" className="shrink-0 rounded-full bg-slate-100 px-2 py-0.5 text-[11px] font-medium text-slate-600">
            Automatic
          </span>
        )}
      </div>
      {version.note && <p className="text-sm whitespace-pre-line text-slate-600">{version.note}</p>}
      <p className="text-xs text-slate-500">
        {version.auto ? "Kept automatically · " : "Saved by "}
        <span data-testid="version-item-author" className="font-medium text-slate-700">
          {version.author}
        </span>{" "}
        · <time dateTime={version.createdAt} title={fullTime(version.createdAt)}>{timeAgo(version.createdAt, now)}</time>
      </p>
      {actions}
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}

function RenameForm({ initial, busy, onSave, onCancel }: { initial: string; busy: boolean; onSave: (name: string) => void; onCancel: () => void }) {
  const [name, setName] = useState(initial);
  const trimmed = name.trim();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (trimmed && trimmed !== initial) onSave(trimmed);
    else onCancel();
  };
  return (
    <form onSubmit={submit} className="flex gap-1.5">
      <input
        data-testid="rename-input"
        aria-label="New name"
        autoFocus
        value={name}
        maxLength={200}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.stopPropagation();
            onCancel();
          }
        }}
        className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30"
      />
      <button type="submit" data-testid="rename-save" disabled={!trimmed || busy} className="rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-indigo-700 disabled:opacity-50">
        Save
      </button>
      <button type="button" onClick={onCancel} className={ACTION}>
        Cancel
      </button>
    </form>
  );
}
