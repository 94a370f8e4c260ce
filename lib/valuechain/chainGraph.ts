/**
 * The board re-expressed for graph work, shared by the answers (answers.ts) and the warnings
 * (warnings.ts): players sorted by id and numbered in that order, so sorted successor lists
 * visit players by id and everything derived is deterministic. Dangling channels are left out.
 */
import { liveChannels, sortById, type Board, type Channel, type Player } from "./model";
import { reverse } from "./graph";

export interface ChainGraph {
  players: Player[];
  numberOf: Map<string, number>;
  channels: Channel[];
  /** Goods successors, one entry per neighbour even when parallel channels join them. */
  goods: number[][];
  goodsPred: number[][];
  /** Successors by any flow, for "can anything from us reach them". */
  anyFlow: number[][];
  /** The goods channels of each step (see `stepKey`), sorted by id: several when parallel channels join two players. */
  stepChannels: Map<number, Channel[]>;
}

export function buildGraph(board: Board): ChainGraph {
  const players = sortById(board.players);
  const numberOf = new Map(players.map((p, i) => [p.id, i]));
  const channels = sortById(liveChannels(board));
  const goods = players.map(() => new Set<number>());
  const anyFlow = players.map(() => new Set<number>());
  const stepChannels = new Map<number, Channel[]>();
  for (const c of channels) {
    const from = numberOf.get(c.from) as number;
    const to = numberOf.get(c.to) as number;
    anyFlow[from].add(to);
    if (c.flow !== "goods") continue;
    goods[from].add(to);
    const key = stepKey(players.length, from, to);
    const step = stepChannels.get(key);
    if (step) step.push(c);
    else stepChannels.set(key, [c]);
  }
  const goodsSucc = sortedLists(goods);
  return { players, numberOf, channels, goods: goodsSucc, goodsPred: reverse(goodsSucc), anyFlow: sortedLists(anyFlow), stepChannels };
}

/** A number per ordered pair of players, not a string: the paths of a big board hold up to 500,000 steps to look up. */
export function stepKey(playerCount: number, from: number, to: number): number {
  return from * playerCount + to;
}

function sortedLists(sets: Set<number>[]): number[][] {
  return sets.map((set) => [...set].sort((a, b) => a - b));
}

/** The numbers of the players that `keep` accepts, in id order. */
export function numbersWhere(graph: ChainGraph, keep: (p: Player, n: number) => boolean): number[] {
  const out: number[] = [];
  graph.players.forEach((p, n) => {
    if (keep(p, n)) out.push(n);
  });
  return out;
}
