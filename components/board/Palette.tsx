import type { DragEvent } from "react";
import { Frame as FrameIcon, StickyNote } from "lucide-react";
import { useStoreApi } from "@xyflow/react";
import { KIND_LABELS } from "@/lib/valuechain/labels";
import { NOTE_SIZE, PLAYER_KINDS, type Author, type PlayerKind } from "@/lib/valuechain/model";
import { freeSpot } from "@/lib/valuechain/placement";
import { addBoardFrame, addPlayerOfKind, addStickyNote, CARD_HEIGHT, CARD_WIDTH, cardBoxes, KIND_DRAG_TYPE } from "./boardCommands";
import { useCardSizes } from "./hooks/useCardSizes";
import { useSession } from "./hooks/useSession";
import { KIND_STYLE } from "./kindStyle";

const EXTRA_CLASS = "grid size-10 shrink-0 place-items-center rounded-lg text-slate-600 transition hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500";

/**
 * One button per kind of player: click adds one in the middle of the view, drag drops one
 * where you let go. Below them, a sticky note and a frame, added in the middle of the view.
 */
export function Palette({ onAdded, author }: { onAdded: (id: string) => void; author?: Author }) {
  const { session } = useSession();
  const store = useStoreApi();
  const sizeOf = useCardSizes();

  // In free space as near the middle of the view as there is, inside the view where it fits.
  const add = (kind: PlayerKind) => {
    const { width, height, transform } = store.getState();
    const [tx, ty, zoom] = transform;
    const centre = { x: (width / 2 - tx) / zoom - CARD_WIDTH / 2, y: (height / 2 - ty) / zoom - CARD_HEIGHT / 2 };
    const area = { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
    const boxes = cardBoxes(session.board.get().board, sizeOf);
    onAdded(addPlayerOfKind(session, kind, freeSpot(boxes, centre, { width: CARD_WIDTH, height: CARD_HEIGHT + 20 }, { area })));
  };
  const viewCentre = () => {
    const { width, height, transform } = store.getState();
    const [tx, ty, zoom] = transform;
    return { x: (width / 2 - tx) / zoom, y: (height / 2 - ty) / zoom, zoom, width, height };
  };
  const addNote = () => {
    const c = viewCentre();
    onAdded(addStickyNote(session, { x: c.x - NOTE_SIZE.width / 2 + (Math.random() - 0.5) * 40, y: c.y - NOTE_SIZE.height / 2 + (Math.random() - 0.5) * 40 }, author));
  };
  const addFrame = () => {
    const c = viewCentre();
    // Half the view, so it can be dragged around what it should hold.
    const width = Math.round(c.width / c.zoom / 2);
    const height = Math.round(c.height / c.zoom / 2);
    onAdded(addBoardFrame(session, { x: c.x - width / 2, y: c.y - height / 2, width, height }));
  };
  const startDrag = (event: DragEvent, kind: PlayerKind) => {
    event.dataTransfer.setData(KIND_DRAG_TYPE, kind);
    event.dataTransfer.effectAllowed = "copy";
  };

  return (
    <nav
      aria-label="Add a player"
      data-testid="palette"
      className="flex w-14 shrink-0 flex-col items-center gap-1 overflow-y-auto border-r border-slate-200 bg-white py-2 max-md:w-full max-md:flex-row max-md:gap-0.5 max-md:overflow-x-auto max-md:overflow-y-hidden max-md:border-r-0 max-md:border-b max-md:px-1.5 max-md:py-1"
    >
      {PLAYER_KINDS.map((kind) => {
        const { color, icon: Icon } = KIND_STYLE[kind];
        return (
          <button
            key={kind}
            type="button"
            draggable
            onDragStart={(event) => startDrag(event, kind)}
            onClick={() => add(kind)}
            data-testid={`palette-${kind}`}
            title={KIND_LABELS[kind]}
            aria-label={`Add ${KIND_LABELS[kind].toLowerCase()}`}
            className="group grid size-10 shrink-0 place-items-center rounded-lg text-slate-600 transition hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500"
          >
            <span className="grid size-8 place-items-center rounded-md transition group-hover:scale-105" style={{ background: `${color}1a`, color }}>
              <Icon className="size-[18px]" aria-hidden />
            </span>
          </button>
        );
      })}
      <span className="my-1 h-px w-8 shrink-0 bg-slate-200 max-md:mx-1 max-md:h-8 max-md:w-px" aria-hidden />
      <button type="button" onClick={addNote} data-testid="palette-note" title="Sticky note" aria-label="Add a sticky note" className={EXTRA_CLASS}>
        <span className="grid size-8 place-items-center rounded-md bg-yellow-100 text-yellow-700">
          <StickyNote className="size-[18px]" aria-hidden />
        </span>
      </button>
      <button type="button" onClick={addFrame} data-testid="palette-frame" title="Frame" aria-label="Add a frame" className={EXTRA_CLASS}>
        <span className="grid size-8 place-items-center rounded-md bg-slate-100 text-slate-600">
          <FrameIcon className="size-[18px]" aria-hidden />
        </span>
      </button>
    </nav>
  );
}
