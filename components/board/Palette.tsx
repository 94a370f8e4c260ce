import type { DragEvent } from "react";
import { useStoreApi } from "@xyflow/react";
import { KIND_LABELS, PLAYER_KINDS, type Board, type PlayerKind } from "@/lib/valuechain/model";
import { addPlayerOfKind, CARD_HEIGHT, CARD_WIDTH, freeSpot, KIND_DRAG_TYPE } from "./boardCommands";
import { useSession } from "./hooks/useSession";
import { KIND_STYLE } from "./kindStyle";

/** One button per kind of player: click adds one in the middle of the view, drag drops one where you let go. */
export function Palette({ board, onAdded }: { board: Board; onAdded: (id: string) => void }) {
  const { session } = useSession();
  const store = useStoreApi();

  const add = (kind: PlayerKind) => {
    const { width, height, transform } = store.getState();
    const [tx, ty, zoom] = transform;
    const centre = { x: (width / 2 - tx) / zoom - CARD_WIDTH / 2, y: (height / 2 - ty) / zoom - CARD_HEIGHT / 2 };
    onAdded(addPlayerOfKind(session, kind, freeSpot(board, centre)));
  };
  const startDrag = (event: DragEvent, kind: PlayerKind) => {
    event.dataTransfer.setData(KIND_DRAG_TYPE, kind);
    event.dataTransfer.effectAllowed = "copy";
  };

  return (
    <nav aria-label="Add a player" className="flex w-14 shrink-0 flex-col items-center gap-1 overflow-y-auto border-r border-slate-200 bg-white py-2">
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
            className="group grid size-10 place-items-center rounded-lg text-slate-600 transition hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500"
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
