/** Placeholder, replaced by the report work: offers the HTML and PDF report. */
export function ReportDialog({ onClose }: { onClose: () => void }) {
  return (
    <dialog open aria-label="Report" data-testid="report-dialog">
      <button type="button" onClick={onClose}>Close</button>
    </dialog>
  );
}
