import { useCallback, useState, type Dispatch, type RefObject, type SetStateAction } from "react";
import type { OnConnectEnd } from "@xyflow/react";
import { updateChannel } from "@/lib/collab/boardDoc";
import type { Flow } from "@/lib/valuechain/model";
import { connectPlayers, newId } from "../boardCommands";
import { initialFlow, rememberFlow } from "../connect/lastFlow";
import { useSession } from "./useSession";

export interface PendingFlowChoice {
  channelId: string;
  flow: Flow;
  /** Where the channel was dropped, in pixels from the canvas's top-left corner. */
  at: { x: number; y: number };
}

const pointOf = (event: MouseEvent | TouchEvent) => {
  const touch = "changedTouches" in event ? event.changedTouches[0] : undefined;
  return touch ? { x: touch.clientX, y: touch.clientY } : { x: (event as MouseEvent).clientX, y: (event as MouseEvent).clientY };
};

/** The card under a screen point, if any (its React Flow node's id). */
function cardAt(point: { x: number; y: number }, container: HTMLElement): string | null {
  for (const el of document.elementsFromPoint(point.x, point.y)) {
    const node = el.closest<HTMLElement>(".react-flow__node");
    if (node && container.contains(node)) return node.dataset.id ?? null;
  }
  return null;
}

/**
 * Drawing a channel with the pointer: from a card's dot to another card's dot, or anywhere over
 * the other card's body. The new channel takes the flow this person used last (influence from a
 * specifier), and a chooser opens at the drop to change it: never a silent default.
 */
export function useDrawChannel(container: RefObject<HTMLElement | null>, setSelection: Dispatch<SetStateAction<readonly string[]>>) {
  const { session, canEdit } = useSession();
  const [choice, setChoice] = useState<PendingFlowChoice | null>(null);

  const onConnectEnd = useCallback<OnConnectEnd>(
    (event, state) => {
      const box = container.current;
      if (!canEdit || !box || !state.fromNode) return;
      const point = pointOf(event);
      const other = state.isValid && state.toNode ? state.toNode.id : cardAt(point, box);
      const start = state.fromNode.id;
      if (!other || other === start) return;
      // Dragged from a card's incoming dot, the channel runs the other way.
      const [from, to] = state.fromHandle?.type === "target" ? [other, start] : [start, other];
      const fromPlayer = session.board.get().board.players.find((p) => p.id === from);
      const flow = initialFlow(fromPlayer?.kind);
      const id = newId();
      connectPlayers(session, { id, from, to, flow, label: "" });
      setSelection([id]);
      const rect = box.getBoundingClientRect();
      setChoice({ channelId: id, flow, at: { x: point.x - rect.left, y: point.y - rect.top } });
    },
    [canEdit, container, session, setSelection],
  );

  const choose = useCallback(
    (flow: Flow) => {
      if (!choice) return;
      updateChannel(session.doc, choice.channelId, { flow });
      rememberFlow(flow);
      setChoice(null);
    },
    [choice, session],
  );
  const dismiss = useCallback(() => {
    if (choice) rememberFlow(choice.flow);
    setChoice(null);
  }, [choice]);

  return { onConnectEnd, choice, choose, dismiss };
}
