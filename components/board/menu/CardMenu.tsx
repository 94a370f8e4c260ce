import { useEffect, useRef, type KeyboardEvent } from "react";

export interface CardMenuItem {
  label: string;
  testId: string;
  run: () => void;
}

interface CardMenuProps {
  /** Where it opens, in pixels from the canvas's top-left corner. */
  at: { x: number; y: number };
  title: string;
  items: readonly CardMenuItem[];
  onClose: () => void;
}

/**
 * What can be done with one card, opened by a long press on a touch screen or a right click:
 * a menu in the ARIA sense (arrow keys move, Enter runs, Escape closes).
 */
export function CardMenu({ at, title, items, onClose }: CardMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>("[role=menuitem]")?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener("pointerdown", onPointerDown, true);
    return () => window.removeEventListener("pointerdown", onPointerDown, true);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>("[role=menuitem]") ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      buttons[(at + step + buttons.length) % buttons.length]?.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={title}
      data-testid="card-menu"
      onKeyDown={onKeyDown}
      className="absolute z-30 min-w-52 rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
      style={{ left: at.x, top: at.y }}
    >
      <p className="truncate px-2.5 pt-1 pb-1.5 text-xs font-semibold text-slate-600" aria-hidden>
        {title}
      </p>
      {items.map((item) => (
        <button
          key={item.testId}
          type="button"
          role="menuitem"
          data-testid={item.testId}
          onClick={() => {
            onClose();
            item.run();
          }}
          className="block w-full rounded-md px-2.5 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500"
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
