import { useId, useRef, useState, type KeyboardEvent } from "react";
import { mentionAt, suggestNames } from "@/lib/valuechain/discussion";

interface MentionTextareaProps {
  value: string;
  onChange: (value: string) => void;
  /** Enter (without Shift) sends, as in every chat. */
  onSubmit: () => void;
  names: readonly string[];
  placeholder: string;
  testId: string;
  label: string;
  autoFocus?: boolean;
}

/**
 * A message box where `@` offers the names of people present or seen on the board, as a
 * listbox: ArrowUp and ArrowDown move, Enter or Tab inserts "@Name ", Escape closes.
 */
export function MentionTextarea({ value, onChange, onSubmit, names, placeholder, testId, label, autoFocus }: MentionTextareaProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const mention = mentionAt(value, caret);
  const options = mention && dismissed !== mention.start ? suggestNames(mention.query, names) : [];
  const open = options.length > 0;

  const insert = (name: string) => {
    if (!mention) return;
    const next = `${value.slice(0, mention.start)}@${name} ${value.slice(caret)}`;
    const at = mention.start + name.length + 2;
    onChange(next);
    setCaret(at);
    requestAnimationFrame(() => ref.current?.setSelectionRange(at, at));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      setActive((i) => (i + (event.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
    } else if (open && (event.key === "Enter" || event.key === "Tab")) {
      event.preventDefault();
      insert(options[Math.min(active, options.length - 1)]);
    } else if (open && event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setDismissed(mention!.start);
    } else if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      onSubmit();
    }
  };

  return (
    <div className="relative">
      <textarea
        ref={ref}
        value={value}
        rows={2}
        maxLength={5000}
        autoFocus={autoFocus}
        aria-label={label}
        placeholder={placeholder}
        data-testid={testId}
        role="combobox"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${Math.min(active, options.length - 1)}` : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          setCaret(event.target.selectionStart);
          setActive(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        className="w-full resize-y rounded-md border border-slate-300 px-2.5 py-1.5 text-sm focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30"
      />
      {open && (
        <ul id={listId} role="listbox" aria-label="People to mention" data-testid="mention-options" className="absolute inset-x-0 bottom-full z-20 mb-1 max-h-48 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg">
          {options.map((name, i) => (
            <li
              key={name}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === Math.min(active, options.length - 1)}
              onMouseDown={(event) => {
                event.preventDefault();
                insert(name);
              }}
              className="cursor-pointer px-2.5 py-1 text-sm aria-selected:bg-indigo-50 aria-selected:text-indigo-800"
            >
              @{name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
