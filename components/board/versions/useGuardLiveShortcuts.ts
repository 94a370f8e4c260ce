import { useEffect } from "react";

function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit", "reset", "range", "color"].includes(target.type);
}

/**
 * While a version or a comparison replaces the live canvas, the board's editing shortcuts
 * (Delete, Ctrl+A, Ctrl+D, Ctrl+Z / Ctrl+Y) would act on a live board nobody can see. This
 * marks them handled before the board's own listener reads them (it skips handled events).
 */
export function useGuardLiveShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (inTextField(event.target)) return;
      const key = event.key.toLowerCase();
      const mod = event.ctrlKey || event.metaKey;
      if (key === "delete" || key === "backspace" || (mod && ["a", "d", "z", "y"].includes(key))) event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown, { capture: true });
    return () => window.removeEventListener("keydown", onKeyDown, { capture: true });
  }, []);
}
