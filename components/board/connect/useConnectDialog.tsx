import { useCallback, useMemo, useState, type Dispatch, type SetStateAction } from "react";
import type { ChainOrder } from "@/lib/valuechain/chainOrder";
import type { Board, Flow } from "@/lib/valuechain/model";
import type { BoardActions } from "../BoardActions";
import { connectPlayers, newId } from "../boardCommands";
import { useSession } from "../hooks/useSession";
import { ConnectDialog } from "./ConnectDialog";
import { rememberFlow } from "./lastFlow";

/** The board's "draw a channel from this player" dialog, and the page's actions (BoardActions) with it. */
export function useConnectDialog(board: Board, order: ChainOrder, setSelection: Dispatch<SetStateAction<readonly string[]>>, showDetails: () => void) {
  const { session, canEdit } = useSession();
  const [from, setFrom] = useState<string | null>(null);
  const actions = useMemo<BoardActions>(() => ({ startConnect: (id) => canEdit && setFrom(id), showDetails }), [canEdit, showDetails]);
  const connect = useCallback(
    (to: string, flow: Flow) => {
      if (!from) return;
      const id = newId();
      connectPlayers(session, { id, from, to, flow, label: "" });
      rememberFlow(flow);
      setSelection([id]);
      setFrom(null);
    },
    [from, session, setSelection],
  );
  const player = from ? board.players.find((p) => p.id === from) : undefined;
  const dialog = player ? <ConnectDialog board={board} from={player} order={order.players} onConnect={connect} onClose={() => setFrom(null)} /> : null;
  return { actions, dialog };
}
