import { useRef, type InputHTMLAttributes } from "react";
import { useCaretStableValue } from "./hooks/useCaretStableValue";

interface LiveFieldProps {
  value: string;
  onChange: (value: string) => void;
  testId: string;
  id?: string;
  placeholder?: string;
  /** What the field's raw text means, when that can differ from how the value is written (e.g. numbers). */
  normalize?: (raw: string) => string;
  className?: string;
  "aria-label"?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}

export const FIELD_CLASS =
  "w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30 aria-invalid:border-rose-500";

/**
 * A field bound to a shared value that is not free text (a channel's share): every keystroke
 * is written through `onChange`, and changes made by others show up without moving the caret
 * of the person typing. Free text goes through CollabField, which merges concurrent typing.
 */
export function LiveInput({ value, onChange, testId, normalize, className, inputMode, ...rest }: LiveFieldProps & Pick<InputHTMLAttributes<HTMLInputElement>, "inputMode">) {
  const ref = useRef<HTMLInputElement>(null);
  useCaretStableValue(ref, value, normalize);
  return (
    <input
      ref={ref}
      type="text"
      defaultValue={value}
      onChange={(event) => onChange(event.target.value)}
      data-testid={testId}
      inputMode={inputMode}
      className={className ?? FIELD_CLASS}
      {...rest}
    />
  );
}
