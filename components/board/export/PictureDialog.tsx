import { useEffect, useId, useMemo, useRef, useState } from "react";
import { Download, ImageDown, X } from "lucide-react";
import { renderBoardSvg } from "@/lib/picture/boardSvg";
import { useSession } from "../hooks/useSession";
import { boardFileName, saveBlob } from "../file/downloadBoardFile";
import { fittingScale, svgToPng } from "./rasterize";

type Format = "png" | "svg";
type Area = "board" | "selection";
type Background = "white" | "transparent";

interface PictureDialogProps {
  selection: readonly string[];
  strategyView: boolean;
  onClose: () => void;
}

/** The players a selection stands for: those selected, and both ends of each selected channel. */
function selectedPlayers(selection: readonly string[], channels: readonly { id: string; from: string; to: string }[]): Set<string> {
  const ids = new Set(selection);
  for (const c of channels) {
    if (ids.has(c.id)) {
      ids.add(c.from);
      ids.add(c.to);
    }
  }
  return ids;
}

/**
 * Exports the board, or the selection, as PNG (1x, 2x, 3x) or SVG, on white or transparent,
 * with or without the legend of the current view, previewed as it will be saved.
 */
export function PictureDialog({ selection, strategyView, onClose }: PictureDialogProps) {
  const { session } = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), scale: useId() };
  // The board as it is when the dialog opens: what is previewed is what is saved.
  const [board] = useState(() => session.board.get().board);
  const players = useMemo(() => selectedPlayers(selection, board.channels), [selection, board.channels]);
  const hasSelection = [...board.players, ...(board.notes ?? []), ...(board.frames ?? [])].some((item) => players.has(item.id));
  const [format, setFormat] = useState<Format>("png");
  const [area, setArea] = useState<Area>(hasSelection ? "selection" : "board");
  const [scale, setScale] = useState(2);
  const [background, setBackground] = useState<Background>("white");
  const [legend, setLegend] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const picture = useMemo(
    () => renderBoardSvg(board, { strategyView, background, legend, only: area === "selection" ? players : undefined }),
    [board, strategyView, background, legend, area, players],
  );
  const preview = useMemo(() => URL.createObjectURL(new Blob([picture.svg], { type: "image/svg+xml" })), [picture]);
  useEffect(() => () => URL.revokeObjectURL(preview), [preview]);
  const usableScale = fittingScale(picture.width, picture.height, scale);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const stem = area === "selection" ? `${board.title || "board"} (selection)` : board.title;
      if (format === "svg") saveBlob(new Blob([picture.svg], { type: "image/svg+xml" }), boardFileName(stem, "svg"));
      else saveBlob(await svgToPng(picture.svg, picture.width, picture.height, usableScale), boardFileName(stem, usableScale === 1 ? "png" : `${usableScale}x.png`));
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const choice = "flex items-center gap-2 rounded-md border border-slate-200 px-3 py-1.5 text-sm has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50 has-[:disabled]:opacity-50";
  return (
    <dialog
      ref={dialog}
      aria-labelledby={ids.title}
      data-testid="picture-dialog"
      data-width={picture.width}
      data-height={picture.height}
      data-origin-x={picture.origin.x}
      data-origin-y={picture.origin.y}
      onClose={onClose}
      className="m-auto w-[44rem] max-w-[calc(100vw-2rem)] rounded-2xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/40"
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        className="space-y-4 p-5"
      >
        <div className="flex items-center justify-between">
          <h2 id={ids.title} className="flex items-center gap-2 text-lg font-semibold">
            <ImageDown className="size-5 text-indigo-600" aria-hidden /> Export picture
          </h2>
          <button type="button" onClick={onClose} aria-label="Close" className="rounded-md p-1 text-slate-500 hover:bg-slate-100">
            <X className="size-5" aria-hidden />
          </button>
        </div>
        <div className="grid place-items-center overflow-hidden rounded-lg border border-slate-200 bg-[repeating-conic-gradient(#f1f5f9_0%_25%,#fff_0%_50%)] bg-[length:16px_16px] p-2">
          <img src={preview} alt={`Preview: ${picture.players} players, ${picture.channels} channels`} data-testid="picture-preview" className="max-h-64 w-auto max-w-full object-contain" />
        </div>
        <fieldset className="flex flex-wrap items-center gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-700">Format</legend>
          {(["png", "svg"] as const).map((f) => (
            <label key={f} className={choice}>
              <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} data-testid={`picture-format-${f}`} />
              {f.toUpperCase()}
            </label>
          ))}
          {format === "png" && (
            <label htmlFor={ids.scale} className="ml-3 flex items-center gap-2 text-sm">
              Size
              <select id={ids.scale} value={scale} onChange={(e) => setScale(Number(e.target.value))} data-testid="picture-scale" className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
                {[1, 2, 3].map((s) => (
                  <option key={s} value={s}>
                    {s}x ({Math.round(picture.width * s)} × {Math.round(picture.height * s)} px)
                  </option>
                ))}
              </select>
            </label>
          )}
        </fieldset>
        <fieldset className="flex flex-wrap gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-700">What</legend>
          <label className={choice}>
            <input type="radio" name="area" checked={area === "board"} onChange={() => setArea("board")} data-testid="picture-area-board" />
            Whole board ({board.players.length} players)
          </label>
          <label className={choice}>
            <input type="radio" name="area" checked={area === "selection"} disabled={!hasSelection} onChange={() => setArea("selection")} data-testid="picture-area-selection" />
            Selection{hasSelection ? ` (${board.players.filter((p) => players.has(p.id)).length} players)` : " (nothing selected)"}
          </label>
        </fieldset>
        <fieldset className="flex flex-wrap items-center gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-700">Background and legend</legend>
          {(["white", "transparent"] as const).map((b) => (
            <label key={b} className={choice}>
              <input type="radio" name="background" checked={background === b} onChange={() => setBackground(b)} data-testid={`picture-background-${b}`} />
              {b === "white" ? "White" : "Transparent"}
            </label>
          ))}
          <label className={`${choice} ml-3`}>
            <input type="checkbox" checked={legend} onChange={(e) => setLegend(e.target.checked)} data-testid="picture-legend" />
            Legend ({strategyView ? "strategy view" : "line styles"})
          </label>
        </fieldset>
        {format === "png" && usableScale < scale && (
          <p role="status" className="text-sm text-amber-800">
            This board is too large for a {scale}x picture in a browser: it is saved at {usableScale}x. SVG keeps every detail at any size.
          </p>
        )}
        {error && (
          <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
            Cancel
          </button>
          <button
            type="submit"
            disabled={busy}
            data-testid="picture-save"
            autoFocus
            className="inline-flex items-center gap-2 rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-60"
          >
            <Download className="size-4" aria-hidden />
            {busy ? "Saving…" : `Save ${format.toUpperCase()}`}
          </button>
        </div>
      </form>
    </dialog>
  );
}
