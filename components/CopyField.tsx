"use client";
import { useId, useRef, useState } from "react";
import { Check, Copy } from "lucide-react";

/**
 * A read-only link with a copy button. The clipboard API only exists on secure origins; on a
 * plain-http self-hosted server the link is selected instead, ready for Ctrl+C.
 */
export function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [feedback, setFeedback] = useState<"copied" | "select" | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setFeedback("copied");
    } catch {
      input.current?.select();
      setFeedback("select");
    }
    setTimeout(() => setFeedback(null), 2000);
  };

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-semibold text-slate-600">
        {label}
      </label>
      <div className="flex gap-1.5">
        <input
          id={id}
          ref={input}
          readOnly
          value={value}
          onFocus={(event) => event.target.select()}
          data-testid={testId}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs text-slate-700"
        />
        <button
          type="button"
          onClick={copy}
          aria-label={`Copy ${label.toLowerCase()}`}
          data-testid={`${testId}-copy`}
          className="inline-flex w-28 shrink-0 items-center justify-center gap-1 rounded-md border border-slate-300 bg-white px-2 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500"
        >
          {feedback === "copied" ? <Check className="size-3.5 text-emerald-600" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
          <span aria-live="polite">{feedback === "copied" ? "Copied" : feedback === "select" ? "Press Ctrl+C" : "Copy"}</span>
        </button>
      </div>
    </div>
  );
}
