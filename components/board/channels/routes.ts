/**
 * Where each channel runs on the canvas: from the right-hand middle of its source card to the
 * left-hand middle of its target card, parallel channels between the same two players side by
 * side in lanes. Plain data in, plain data out; the channel layer draws what this returns.
 */
import type { Channel } from "@/lib/valuechain/model";

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChannelRoute {
  channel: Channel;
  sx: number;
  sy: number;
  tx: number;
  ty: number;
  /**
   * Signed offset from the straight route in lanes, towards the left of the direction from the
   * smaller player id to the larger, so A→B and B→A never overlap.
   */
  lane: number;
}

const pairKey = (c: Channel) => (c.from < c.to ? `${c.from}\u0000${c.to}` : `${c.to}\u0000${c.from}`);

/** The lane of every channel, by id: they only change when channels come, go or change ends. */
export function channelLanes(channels: readonly Channel[]): Map<string, number> {
  const pairs = new Map<string, Channel[]>();
  for (const c of channels) {
    const key = pairKey(c);
    const list = pairs.get(key);
    if (list) list.push(c);
    else pairs.set(key, [c]);
  }
  const lanes = new Map<string, number>();
  for (const siblings of pairs.values()) {
    siblings.forEach((c, i) => {
      const centred = i - (siblings.length - 1) / 2;
      lanes.set(c.id, centred === 0 || c.from < c.to ? centred : -centred);
    });
  }
  return lanes;
}

/**
 * The routes of the channels whose two cards are known, reusing the previous route object of a
 * channel that did not move, so that only the lines that changed are drawn again.
 */
export function channelRoutes(
  channels: readonly Channel[],
  lanes: ReadonlyMap<string, number>,
  boxes: ReadonlyMap<string, Box>,
  previous: ReadonlyMap<string, ChannelRoute> = new Map(),
): ChannelRoute[] {
  const routes: ChannelRoute[] = [];
  for (const channel of channels) {
    const from = boxes.get(channel.from);
    const to = boxes.get(channel.to);
    if (!from || !to) continue;
    const sx = from.x + from.width;
    const sy = from.y + from.height / 2;
    const tx = to.x;
    const ty = to.y + to.height / 2;
    const lane = lanes.get(channel.id) ?? 0;
    const old = previous.get(channel.id);
    routes.push(
      old && old.channel === channel && old.sx === sx && old.sy === sy && old.tx === tx && old.ty === ty && old.lane === lane
        ? old
        : { channel, sx, sy, tx, ty, lane },
    );
  }
  return routes;
}
