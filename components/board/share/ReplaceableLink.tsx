import { useState } from "react";
import { RefreshCw } from "lucide-react";
import { CopyField } from "@/components/CopyField";
import { ConfirmInline } from "../versions/ConfirmInline";
import type { ReplaceableLink as Which } from "./useShareLinks";

const NAMES: Record<Which, string> = { edit: "edit link", view: "view link", owner: "owner link" };

const WARNINGS: Record<Which, (name: string) => string> = {
  edit: (name) => `Replace the ${name}? Everyone who opened the board with the current one is disconnected at once, and it stops working for good. Send the new link to whoever should keep access.`,
  view: (name) => `Replace the ${name}? Everyone who opened the board with the current one is disconnected at once, and it stops working for good. Send the new link to whoever should keep access.`,
  owner: (name) =>
    `Replace your ${name}? Use this if it may have reached someone else. Every session opened with the current one is disconnected and it stops working for good; this page reopens with the new one. Keep the new link: no one else can give it back to you.`,
};

interface ReplaceableLinkProps {
  which: Which;
  label: string;
  /** Null where the server cannot show the link (a board made before it kept them). */
  link: string | null;
  testId: string;
  onReplace: (which: Which) => Promise<number>;
}

/** One of the owner's share links, with a way to replace it for everyone after a clear warning. */
export function ReplaceableLink({ which, label, link, testId, onReplace }: ReplaceableLinkProps) {
  const name = NAMES[which];
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [replaced, setReplaced] = useState<number | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      setReplaced(await onReplace(which));
      setConfirming(false);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-1.5">
      {link ? (
        <CopyField label={label} value={link} testId={testId} />
      ) : (
        <p data-testid={`${testId}-unknown`} className="text-sm text-slate-600">
          <span className="block text-xs font-semibold text-slate-600">{label}</span>
          This board was made before Chainboard kept its links, so its {name} cannot be shown here. Replace it to get one you can share.
        </p>
      )}
      {confirming ? (
        <ConfirmInline
          question={WARNINGS[which](name)}
          confirmLabel={`Replace the ${name}`}
          confirmTestId={`confirm-replace-${which}`}
          danger
          busy={busy}
          onConfirm={confirm}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button
          type="button"
          data-testid={`replace-${which}-link`}
          onClick={() => {
            setReplaced(null);
            setConfirming(true);
          }}
          className="inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500"
        >
          <RefreshCw className="size-3.5" aria-hidden />
          Replace the {name}…
        </button>
      )}
      {replaced !== null && (
        <p role="status" data-testid={`replaced-${which}`} className="text-xs text-emerald-700">
          New {name} above. The old one no longer opens the board
          {replaced > 0 ? `; ${replaced} open ${replaced === 1 ? "session was" : "sessions were"} disconnected.` : "."}
        </p>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
