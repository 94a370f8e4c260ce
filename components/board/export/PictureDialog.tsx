/** Placeholder, replaced by the picture export. */
export function PictureDialog({ onClose }: { selection: readonly string[]; strategyView: boolean; onClose: () => void }) {
  return (
    <dialog open aria-label="Export picture" data-testid="picture-dialog">
      <button type="button" onClick={onClose}>Close</button>
    </dialog>
  );
}
