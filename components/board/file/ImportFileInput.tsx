import { forwardRef, useImperativeHandle, useRef } from "react";
import { importBoardFile } from "./importBoardFile";

export interface ImportFileInputHandle {
  open(): void;
}

/**
 * A hidden file picker: the chosen `chainboard/v1` file becomes a new board, which opens in
 * this tab with its own links. A bad file creates nothing; its message (with the path of the
 * first problem) goes to `onError`.
 */
export const ImportFileInput = forwardRef<ImportFileInputHandle, { onError: (message: string | null) => void }>(function ImportFileInput({ onError }, ref) {
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({ open: () => input.current?.click() }), []);
  return (
    <input
      ref={input}
      type="file"
      accept=".json,application/json"
      data-testid="import-file-input"
      aria-label="Board file to import"
      className="hidden"
      onChange={async (event) => {
        const file = event.target.files?.[0];
        event.target.value = "";
        if (!file) return;
        onError(null);
        const result = await importBoardFile(file);
        if (result.ok) window.location.assign(result.links.owner);
        else onError(result.message);
      }}
    />
  );
});
