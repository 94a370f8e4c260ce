import { useId, useRef } from "react";
import type { TextFieldRef } from "@/lib/collab/boardDoc";
import { fieldKey, type RemoteSelector } from "@/lib/collab/presence";
import { FIELD_CLASS } from "../LiveFields";
import { useCollabText } from "./useCollabText";
import { useFieldPresence } from "./useFieldPresence";

interface CollabFieldProps {
  field: TextFieldRef;
  /** The field's text as the board shows it now. */
  value: string;
  testId: string;
  id?: string;
  placeholder?: string;
  className?: string;
  "aria-label"?: string;
  autoFocus?: boolean;
}


const keyOf = (field: TextFieldRef) => fieldKey(field.kind === "title" ? "title" : { id: field.id, field: field.field });

/** Other people's colours around the field: one ring each, as on the canvas. */
const ringsOf = (editors: readonly RemoteSelector[]) =>
  editors.length ? editors.map((e, i) => `0 0 0 ${2 * (i + 1)}px ${e.color}`).join(", ") : undefined;

/** Who else is typing here, in their colours, above the field's right edge. */
function EditorsTag({ editors, id }: { editors: readonly RemoteSelector[]; id: string }) {
  if (!editors.length) return null;
  return (
    <span id={id} data-testid="field-editors" className="pointer-events-none absolute -top-2.5 right-1 z-10 flex gap-1">
      {editors.map((e) => (
        <span key={`${e.name}${e.color}`} className="rounded px-1.5 py-px text-[11px] leading-4 font-medium text-white shadow-sm" style={{ background: e.color }}>
          {e.name}
          <span className="sr-only"> is also typing here</span>
        </span>
      ))}
    </span>
  );
}

/** A one-line free-text field that merges everyone's typing (Y.Text) and shows who else is in it. */
export function CollabInput({ field, value, testId, className, ...rest }: CollabFieldProps) {
  const ref = useRef<HTMLInputElement>(null);
  const tagId = useId();
  useCollabText(ref, field, value);
  const { editors, onFocus, onBlur } = useFieldPresence(keyOf(field));
  return (
    <span className="relative block">
      <input
        ref={ref}
        type="text"
        onFocus={onFocus}
        onBlur={onBlur}
        data-testid={testId}
        data-editors={editors.map((e) => e.name).join(",") || undefined}
        aria-describedby={editors.length ? tagId : undefined}
        className={className ?? FIELD_CLASS}
        style={{ boxShadow: ringsOf(editors) }}
        {...rest}
      />
      <EditorsTag editors={editors} id={tagId} />
    </span>
  );
}

/** A multi-line free-text field, likewise. */
export function CollabTextarea({ field, value, testId, className, ...rest }: CollabFieldProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const tagId = useId();
  useCollabText(ref, field, value);
  const { editors, onFocus, onBlur } = useFieldPresence(keyOf(field));
  return (
    <span className="relative block">
      <textarea
        ref={ref}
        rows={3}
        onFocus={onFocus}
        onBlur={onBlur}
        data-testid={testId}
        data-editors={editors.map((e) => e.name).join(",") || undefined}
        aria-describedby={editors.length ? tagId : undefined}
        className={`${className ?? FIELD_CLASS} resize-y`}
        style={{ boxShadow: ringsOf(editors) }}
        {...rest}
      />
      <EditorsTag editors={editors} id={tagId} />
    </span>
  );
}
