import type { CSSProperties, ReactNode } from "react";
import { X, type LucideIcon } from "lucide-react";

/**
 * A one-line status over the board: an icon, a sentence, and maybe a button that ends what it
 * announces. A `pill` sits at the top of the canvas (view only, editing paused, following
 * someone); a `toast` is a short-lived confirmation at the bottom of the page. Screen readers
 * hear it as a status.
 */
export function Banner({
  testId,
  icon: Icon,
  shape = "pill",
  className,
  iconClassName = "",
  style,
  close,
  children,
}: {
  testId: string;
  icon: LucideIcon;
  shape?: "pill" | "toast";
  /** Colours (and, for a toast, where it sits). */
  className: string;
  iconClassName?: string;
  style?: CSSProperties;
  close?: { label: string; onClick: () => void };
  children: ReactNode;
}) {
  const box = shape === "pill" ? `rounded-full py-1 font-medium ${close ? "pr-1 pl-3" : "px-3"}` : `rounded-xl py-2 ${close ? "pr-2 pl-3" : "px-3"}`;
  return (
    <div data-testid={testId} role="status" className={`flex items-center gap-2 text-sm ${box} ${className}`} style={style}>
      <Icon className={`size-4 shrink-0 ${iconClassName}`} aria-hidden />
      <span>{children}</span>
      {close && (
        <button type="button" onClick={close.onClick} aria-label={close.label} className={`p-1 ${shape === "pill" ? "rounded-full hover:bg-white/20" : "rounded-md hover:bg-white/15"}`}>
          <X className="size-4" aria-hidden />
        </button>
      )}
    </div>
  );
}
