import type { Channel } from "@/lib/valuechain/model";
import { FLOW_STYLE } from "../flowStyle";

/** How a channel is named to a screen reader: "Goods: Manufacturer to Builders' merchant, project business, 60%". */
export function channelName(channel: Channel, nameOf: (id: string) => string): string {
  const extra = [channel.label.trim(), channel.share !== undefined ? `${channel.share}%` : ""].filter(Boolean).join(", ");
  return `${FLOW_STYLE[channel.flow].label}: ${nameOf(channel.from)} to ${nameOf(channel.to)}${extra ? `, ${extra}` : ""}`;
}
