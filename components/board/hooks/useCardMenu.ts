import { useCallback, useState, type Dispatch, type MouseEvent as ReactMouseEvent, type RefObject, type SetStateAction } from "react";
import type { PlayerFlowNode } from "@/lib/canvas/flow";
import { useBoardActions } from "../BoardActions";
import { deleteSelection, duplicatePlayers } from "../boardCommands";
import type { CardMenuItem } from "../menu/CardMenu";
import { useCardSizes } from "./useCardSizes";
import { useOpenComments } from "../comments/CommentsContext";
import { useSession } from "./useSession";

export interface OpenCardMenu {
  playerId: string;
  title: string;
  at: { x: number; y: number };
  items: CardMenuItem[];
}

/**
 * The menu of one card: a long press on a touch screen (the browser's context menu event) or
 * a right click. Selects the card, then offers drawing a channel from it, commenting on it,
 * copying and deleting.
 */
export function useCardMenu(container: RefObject<HTMLElement | null>, setSelection: Dispatch<SetStateAction<readonly string[]>>) {
  const { session, canEdit } = useSession();
  const { startConnect } = useBoardActions();
  const sizeOf = useCardSizes();
  const openComments = useOpenComments();
  const [menu, setMenu] = useState<OpenCardMenu | null>(null);

  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: PlayerFlowNode) => {
      if (!canEdit || !container.current) return;
      event.preventDefault();
      const rect = container.current.getBoundingClientRect();
      const id = node.id;
      setSelection([id]);
      setMenu({
        playerId: id,
        title: node.data.player.name || "Unnamed player",
        at: { x: Math.min(event.clientX - rect.left, rect.width - 220), y: Math.min(event.clientY - rect.top, rect.height - 210) },
        items: [
          { label: "Draw a channel from here…", testId: "menu-connect", run: () => startConnect(id) },
          { label: "Comment…", testId: "menu-comment", run: () => openComments(id) },
          {
            label: "Duplicate",
            testId: "menu-duplicate",
            run: () => {
              const copies = duplicatePlayers(session, session.board.get().board, [id], sizeOf);
              if (copies.length) setSelection(copies);
            },
          },
          {
            label: "Delete",
            testId: "menu-delete",
            run: () => {
              deleteSelection(session, session.board.get().board, [id]);
              setSelection([]);
            },
          },
        ],
      });
    },
    [canEdit, container, openComments, session, setSelection, sizeOf, startConnect],
  );
  const close = useCallback(() => setMenu(null), []);
  return { onNodeContextMenu, menu, close };
}
