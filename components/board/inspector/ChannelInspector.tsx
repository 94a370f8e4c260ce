import { useId, useState } from "react";
import { ArrowLeftRight } from "lucide-react";
import { updateChannel } from "@/lib/collab/boardDoc";
import { FLOWS, type Board, type Channel, type Flow } from "@/lib/valuechain/model";
import { useSession } from "../hooks/useSession";
import { LiveInput } from "../LiveFields";
import { CollabInput } from "../text/CollabField";
import { ChannelEnds } from "./ChannelEnds";
import { Field, SELECT_CLASS } from "./Field";
import { InspectorHeading } from "./InspectorHeading";
import { FLOW_LABELS, withHint } from "@/lib/valuechain/labels";
import { SelectionActions } from "./SelectionActions";

/** The share as typed: a number from 0 to 100, empty for unknown, or null when it is neither. */
function parseShare(raw: string): number | undefined | null {
  const text = raw.trim().replace(",", ".").replace(/%$/, "").trim();
  if (!text) return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
}

const formatShare = (share: number | undefined) => (share === undefined ? "" : String(share));
/** "60." and "60" mean the same share: only a different number replaces what is typed. */
const normalizeShare = (raw: string) => {
  const share = parseShare(raw);
  return share === null ? raw : formatShare(share);
};

export function ChannelInspector({ board, channel, onDelete }: { board: Board; channel: Channel; onDelete: () => void }) {
  const { session } = useSession();
  const update = (patch: Partial<Omit<Channel, "id">>) => updateChannel(session.doc, channel.id, patch);
  const [shareInvalid, setShareInvalid] = useState(false);
  const ids = { flow: useId(), label: useId(), share: useId(), shareHint: useId() };

  const onShare = (raw: string) => {
    const share = parseShare(raw);
    setShareInvalid(share === null);
    if (share !== null) update({ share });
  };

  return (
    <div className="space-y-4">
      <InspectorHeading title="Channel" />
      <ChannelEnds board={board} channel={channel} />
      <Field label="Flow" htmlFor={ids.flow}>
        <select id={ids.flow} data-testid="inspector-flow" value={channel.flow} onChange={(e) => update({ flow: e.target.value as Flow })} className={SELECT_CLASS}>
          {FLOWS.map((flow) => (
            <option key={flow} value={flow}>
              {withHint(FLOW_LABELS[flow])}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Label" htmlFor={ids.label}>
        <CollabInput id={ids.label} testId="inspector-label" field={{ kind: "channel", id: channel.id, field: "label" }} value={channel.label} placeholder="e.g. project business" />
      </Field>
      <div className="space-y-1">
        <label htmlFor={ids.share} className="block text-xs font-semibold text-slate-600">
          Share of the source&apos;s volume (%)
        </label>
        <LiveInput
          id={ids.share}
          testId="inspector-share"
          inputMode="decimal"
          value={formatShare(channel.share)}
          normalize={normalizeShare}
          onChange={onShare}
          placeholder="Unknown"
          aria-invalid={shareInvalid}
          aria-describedby={ids.shareHint}
        />
        <p id={ids.shareHint} className={`text-xs ${shareInvalid ? "text-rose-600" : "text-slate-500"}`}>
          {shareInvalid ? "Enter a number from 0 to 100, or leave it empty." : "How much of what the source handles goes this way. Leave empty if unknown."}
        </p>
      </div>
      <button
        type="button"
        onClick={() => update({ from: channel.to, to: channel.from })}
        data-testid="reverse-channel"
        className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500"
      >
        <ArrowLeftRight className="size-4" aria-hidden />
        Reverse direction
      </button>
      <SelectionActions onDelete={onDelete} />
    </div>
  );
}
