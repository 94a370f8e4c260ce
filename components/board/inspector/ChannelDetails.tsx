import type { Board, Channel } from "@/lib/valuechain/model";
import { ChannelEnds } from "./ChannelEnds";
import { InspectorHeading } from "./InspectorHeading";
import { FLOW_LABELS, withHint } from "@/lib/valuechain/labels";
import { DetailRow } from "./DetailRow";

/** A channel for someone who may look but not edit. */
export function ChannelDetails({ board, channel }: { board: Board; channel: Channel }) {
  return (
    <div className="space-y-4">
      <InspectorHeading title="Channel" />
      <ChannelEnds board={board} channel={channel} />
      <dl className="space-y-3">
        <DetailRow term="Flow">{withHint(FLOW_LABELS[channel.flow])}</DetailRow>
        {channel.label && <DetailRow term="Label">{channel.label}</DetailRow>}
        <DetailRow term="Share of the source's volume">{channel.share === undefined ? "Unknown" : `${channel.share}%`}</DetailRow>
      </dl>
    </div>
  );
}
