import { FLOW_LABELS } from "@/lib/valuechain/labels";
import type { Channel } from "@/lib/valuechain/model";

/** How a channel is named to a screen reader: "Goods: Manufacturer to Builders' merchant, project business, 60%". */
export function channelName(channel: Channel, nameOf: (id: string) => string): string {
  const extra = [channel.label.trim(), channel.share !== undefined ? `${channel.share}%` : ""].filter(Boolean).join(", ");
  return `${FLOW_LABELS[channel.flow].label}: ${nameOf(channel.from)} to ${nameOf(channel.to)}${extra ? `, ${extra}` : ""}`;
}
