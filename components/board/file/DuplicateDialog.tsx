/** Placeholder, replaced by the duplicate work: duplicates the board, optionally as a template. */
export function DuplicateDialog({ onClose }: { onClose: () => void }) {
  return (
    <dialog open aria-label="Duplicate board" data-testid="duplicate-dialog">
      <button type="button" onClick={onClose}>Close</button>
    </dialog>
  );
}
