import { memo, useMemo } from "react";
import type { Board } from "@/lib/valuechain/model";
import { channelName } from "./channelName";

interface ChannelFocusListProps {
  board: Board;
  /** Channel ids along the chain (chainOrder): the Tab order. */
  order: readonly string[];
  selected: ReadonlySet<string>;
  onSelect: (id: string, additive: boolean) => void;
  /** The channel that got (or lost) the keyboard focus: the canvas rings its line and brings it into view. */
  onFocusChange: (id: string | null) => void;
}

/**
 * What keyboards and screen readers reach channels by: a button per channel, named by its flow
 * and its ends, in the order of the chain. Rendered as the first of the canvas's panels, it
 * comes right after the cards in the page, so Tab goes along the players, then the channels.
 * The buttons are visually hidden and still: what shows the focus is a ring along the line
 * itself (ChannelShape), so a drag never has to move a thousand buttons.
 */
export const ChannelFocusList = memo(function ChannelFocusList({ board, order, selected, onSelect, onFocusChange }: ChannelFocusListProps) {
  const names = useMemo(() => new Map(board.players.map((p) => [p.id, p.name.trim() || "Unnamed"])), [board.players]);
  const channels = useMemo(() => new Map(board.channels.map((c) => [c.id, c])), [board.channels]);
  return (
    <ul aria-label="Channels" className="sr-only">
      {order.map((id) => {
        const channel = channels.get(id);
        if (!channel || !names.has(channel.from) || !names.has(channel.to)) return null;
        return <ChannelFocus key={id} id={id} name={channelName(channel, (p) => names.get(p)!)} selected={selected.has(id)} onSelect={onSelect} onFocusChange={onFocusChange} />;
      })}
    </ul>
  );
});

interface ChannelFocusProps {
  id: string;
  name: string;
  selected: boolean;
  onSelect: (id: string, additive: boolean) => void;
  onFocusChange: (id: string | null) => void;
}

const ChannelFocus = memo(function ChannelFocus({ id, name, selected, onSelect, onFocusChange }: ChannelFocusProps) {
  return (
    <li>
      <button
        type="button"
        data-testid="channel-focus"
        data-id={id}
        aria-label={name}
        aria-pressed={selected}
        onFocus={() => onFocusChange(id)}
        onBlur={() => onFocusChange(null)}
        onClick={(event) => onSelect(id, event.shiftKey || event.ctrlKey || event.metaKey)}
      />
    </li>
  );
});
