import type { DragEvent } from "react";
import { useStoreApi } from "@xyflow/react";
import { KIND_LABELS } from "@/lib/valuechain/labels";
import { PLAYER_KINDS, type PlayerKind } from "@/lib/valuechain/model";
import { freeSpot } from "@/lib/valuechain/placement";
import { addPlayerOfKind, CARD_HEIGHT, CARD_WIDTH, cardBoxes, KIND_DRAG_TYPE } from "./boardCommands";
import { useCardSizes } from "./hooks/useCardSizes";
import { useSession } from "./hooks/useSession";
import { KIND_STYLE } from "./kindStyle";

/** One button per kind of player: click adds one in the middle of the view, drag drops one where you let go. */
export function Palette({ onAdded }: { onAdded: (id: string) => void }) {
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
    </nav>
  );
}
