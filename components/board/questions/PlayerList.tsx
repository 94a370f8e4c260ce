import { AnswerRow } from "./AnswerRow";
import { MoreList } from "./MoreList";
import { PlayerName } from "./PlayerName";

/** Players one per row, each lighting up on the canvas while pointed at. */
export function PlayerList({ ids, label }: { ids: readonly string[]; label: string }) {
  return (
    <MoreList
      items={ids}
      label={label}
      noun={["player", "players"]}
      render={(id) => (
        <AnswerRow key={id} players={[id]}>
          <PlayerName id={id} />
        </AnswerRow>
      )}
    />
  );
}
