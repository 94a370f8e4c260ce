import type { Board } from "@/lib/valuechain/model";
import { deleteSelection, duplicatePlayers } from "./boardCommands";
import { useCardSizes } from "./hooks/useCardSizes";
import { useSession } from "./hooks/useSession";
import { BoardHelp } from "./inspector/BoardHelp";
import { ChannelDetails } from "./inspector/ChannelDetails";
import { ChannelInspector } from "./inspector/ChannelInspector";
import { MultiSelection } from "./inspector/MultiSelection";
import { PlayerDetails } from "./inspector/PlayerDetails";
import { PlayerInspector } from "./inspector/PlayerInspector";

interface InspectorProps {
  board: Board;
  selection: readonly string[];
  setSelection: (ids: readonly string[]) => void;
  /** A saved version: everything is read, nothing edited, whatever this person's role. */
  readOnly?: boolean;
}

/** The right-hand panel: details of what is selected (editable for editors), or how to use the board. */
export function Inspector({ board, selection, setSelection, readOnly = false }: InspectorProps) {
  const { session, canEdit: mayEdit } = useSession();
  const canEdit = mayEdit && !readOnly;
  const sizeOf = useCardSizes();
  const ids = new Set(selection);
  const players = board.players.filter((p) => ids.has(p.id));
  const channels = board.channels.filter((c) => ids.has(c.id));

  const remove = () => {
    deleteSelection(session, board, selection);
    setSelection([]);
  };
  const duplicate = () => {
    const copies = duplicatePlayers(session, session.board.get().board, selection, sizeOf);
    if (copies.length) setSelection(copies);
  };

  const content = () => {
    if (players.length + channels.length === 0) {
      return readOnly ? (
        <p data-testid="version-help" className="text-sm text-slate-600">
          Select a player or a channel of this version to read what the team had recorded about it then.
        </p>
      ) : (
        <BoardHelp canEdit={canEdit} />
      );
    }
    if (players.length + channels.length > 1) {
      return <MultiSelection players={players.length} channels={channels.length} canEdit={canEdit} onDuplicate={duplicate} onDelete={remove} />;
    }
    const [player] = players;
    if (player) {
      return canEdit ? <PlayerInspector key={player.id} player={player} onDuplicate={duplicate} onDelete={remove} /> : <PlayerDetails player={player} />;
    }
    const [channel] = channels;
    return canEdit ? <ChannelInspector key={channel.id} board={board} channel={channel} onDelete={remove} /> : <ChannelDetails board={board} channel={channel} />;
  };

  return (
    <div data-testid="inspector">
      {content()}
    </div>
  );
}
