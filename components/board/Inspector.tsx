import { MessageSquare } from "lucide-react";
import type { Board } from "@/lib/valuechain/model";
import { deleteSelection, duplicatePlayers } from "./boardCommands";
import { useCardSizes } from "./hooks/useCardSizes";
import { useSession } from "./hooks/useSession";
import { useCommentCount, useOpenComments } from "./comments/CommentsContext";
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

  const single = players.length + channels.length === 1 && !readOnly ? (players[0]?.id ?? channels[0]?.id) : null;
  return (
    <div data-testid="inspector">
      {single && <CommentButton id={single} />}
      {content()}
    </div>
  );
}

/** Above a single player's or channel's details: its open threads, or a first comment on it. */
function CommentButton({ id }: { id: string }) {
  const count = useCommentCount(id);
  const openFor = useOpenComments();
  return (
    <button
      type="button"
      data-testid="inspector-comment"
      onClick={() => openFor(id)}
      className="float-right ml-2 inline-flex items-center gap-1 rounded-md border border-slate-200 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500"
    >
      <MessageSquare className="size-3.5" aria-hidden />
      {count ? `${count} open ${count === 1 ? "thread" : "threads"}` : "Comment"}
    </button>
  );
}
