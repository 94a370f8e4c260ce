/**
 * The order in which a person meets the board without seeing it (keyboard, screen reader):
 * players along the chain, stage by stage as goods flow (specifiers and players outside the
 * goods flow at the stage of what they influence or serve, else last), by name within a
 * stage; then channels in the order of their ends. It depends on the chain alone, never on
 * where cards are, so dragging a card does not reshuffle it.
 */
import { condense } from "./graph";
import { compareIds, liveChannels, type Board, type Channel, type Player } from "./model";

export interface ChainOrder {
  /** Player ids, along the chain. */
  players: string[];
  /** Channel ids (of channels whose ends both exist), by their ends' places in `players`. */
  channels: string[];
  /** Stage of each player, counted from 1 along goods flow; players linked to none of it come after the last stage. */
  stageOf: Map<string, number>;
}

export function chainOrder(board: Board): ChainOrder {
  const players = [...board.players].sort((a, b) => compareIds(a.id, b.id));
  const numberOf = new Map(players.map((p, i) => [p.id, i]));
  const live = liveChannels(board);
  const goods = players.map(() => [] as number[]);
  for (const c of live) if (c.flow === "goods") goods[numberOf.get(c.from)!].push(numberOf.get(c.to)!);
  const { depth } = condense(goods);

  // Players outside goods flow (a specifier, a service provider) stand next to the first
  // player they are linked to by any channel.
  const inGoods = new Set<number>();
  live.forEach((c) => c.flow === "goods" && inGoods.add(numberOf.get(c.from)!).add(numberOf.get(c.to)!));
  const stage = players.map((_, i) => (inGoods.has(i) ? depth[i] + 1 : Infinity));
  for (const c of live) {
    const from = numberOf.get(c.from)!;
    const to = numberOf.get(c.to)!;
    if (!inGoods.has(from) && inGoods.has(to)) stage[from] = Math.min(stage[from], stage[to]);
    if (!inGoods.has(to) && inGoods.has(from)) stage[to] = Math.min(stage[to], stage[from]);
  }
  const last = Math.max(0, ...stage.filter(Number.isFinite)) + 1;
  stage.forEach((s, i) => (stage[i] = Number.isFinite(s) ? s : last));

  const byName = (a: Player, b: Player) => a.name.localeCompare(b.name, "en", { numeric: true, sensitivity: "base" }) || compareIds(a.id, b.id);
  const ordered = players.map((p, i) => ({ p, s: stage[i] })).sort((a, b) => a.s - b.s || byName(a.p, b.p));
  const place = new Map(ordered.map(({ p }, i) => [p.id, i]));
  const channels = [...live].sort((a: Channel, b: Channel) => place.get(a.from)! - place.get(b.from)! || place.get(a.to)! - place.get(b.to)! || compareIds(a.id, b.id));
  return {
    players: ordered.map(({ p }) => p.id),
    channels: channels.map((c) => c.id),
    stageOf: new Map(ordered.map(({ p, s }) => [p.id, s])),
  };
}
