/**
 * "Tidy layout": card positions that read the goods flow from left to right, as a pure
 * function of the board.
 *
 * Each player on the goods flow goes in the column of its stage (1 + the longest goods path
 * reaching it, players of a cycle sharing one column, as in the answers), so the players who
 * start the chain are on the left; consumers where goods end move to the last column. dagre
 * only orders and spaces the players within their columns, to keep crossings few. Players the
 * goods never pass through (specifiers, banks, players not connected yet) go in a row below,
 * each under the players it has channels with; the unconnected ones in a grid after them.
 */
import { Graph, layout } from "@dagrejs/dagre";
import { condense } from "./graph";
import { liveChannels, PLAYER_KINDS, sortById, type Board, type Player } from "./model";

/** The card size the layout keeps apart: a little more than a player card, which is 192 wide. */
export const LAYOUT_CARD = { width: 200, height: 100 } as const;
/** Horizontal room between columns: enough for a channel's label. */
const COLUMN_GAP = 120;
/** Vertical room between cards of one column: cards with other names and many badges grow to about 160. */
const ROW_GAP = 90;
/** Room between the goods flow and the players below it, for their channels to climb up. */
const BELOW_GAP = 120;
/** Room between cards side by side in the rows below the goods flow. */
const SIDE_GAP = 40;
/**
 * dagre's crossing reduction grows faster than linearly with the players per column: at this
 * many players on the goods flow it takes about a third of a second, and minutes at a few
 * thousand, so bigger boards are stacked by a simpler rule instead of freezing the page.
 */
const DAGRE_LIMIT = 150;
/** The grid of unconnected players is never narrower than this. */
const MIN_GRID_COLUMNS = 4;

const COLUMN = LAYOUT_CARD.width + COLUMN_GAP;
const ROW = LAYOUT_CARD.height + ROW_GAP;

export interface PlayerPosition {
  id: string;
  /** Top-left corner of the card, like Player.x and Player.y. */
  x: number;
  y: number;
}

export function tidyLayout(board: Board): PlayerPosition[] {
  // Sorted input makes dagre's choices, and so the whole layout, independent of the order
  // players and channels happen to be stored in.
  const players = sortById(board.players);
  if (players.length === 0) return [];
  const numberOf = new Map(players.map((p, i) => [p.id, i]));
  const { succ, linked } = adjacency(board, numberOf, players.length);

  const columns = flowColumns(players, succ);
  const flowSpot = placeFlow(players, succ, columns);
  const belowTop = flowSpot.size > 0 ? Math.max(...[...flowSpot.values()].map((p) => p.y)) + LAYOUT_CARD.height + BELOW_GAP : 0;
  const belowSpot = placeBelow(players, linked, flowSpot, belowTop, Math.max(...columns, MIN_GRID_COLUMNS - 1) + 1);

  // The tidied board starts where the old one did, so it stays where people were looking.
  const spot = (n: number) => (flowSpot.get(n) ?? belowSpot.get(n)) as { x: number; y: number };
  const left = Math.min(...players.map((p) => p.x));
  const top = Math.min(...players.map((p) => p.y));
  const shiftX = left - Math.min(...players.map((_, n) => spot(n).x));
  const shiftY = top - Math.min(...players.map((_, n) => spot(n).y));
  return players.map((p, n) => ({ id: p.id, x: Math.round(spot(n).x + shiftX), y: Math.round(spot(n).y + shiftY) }));
}

/** Goods successors (self-loops left out: they say nothing about order) and neighbours by any channel. */
function adjacency(board: Board, numberOf: Map<string, number>, count: number) {
  const succ = Array.from({ length: count }, () => new Set<number>());
  const linked = Array.from({ length: count }, () => new Set<number>());
  for (const c of sortById(liveChannels(board))) {
    const from = numberOf.get(c.from) as number;
    const to = numberOf.get(c.to) as number;
    if (from === to) continue;
    linked[from].add(to);
    linked[to].add(from);
    if (c.flow === "goods") succ[from].add(to);
  }
  const sorted = (sets: Set<number>[]) => sets.map((s) => [...s].sort((a, b) => a - b));
  return { succ: sorted(succ), linked: sorted(linked) };
}

/**
 * The column of every player on the goods flow (its stage, minus one), -1 for the others.
 * Consumers that pass nothing on go to the last column: the chain ends on the right.
 */
function flowColumns(players: Player[], succ: number[][]): number[] {
  const pred = succ.map(() => 0);
  succ.forEach((targets) => targets.forEach((w) => pred[w]++));
  const onFlow = (n: number) => succ[n].length > 0 || pred[n] > 0;
  const { depth } = condense(succ);
  const columns = players.map((_, n) => (onFlow(n) ? depth[n] : -1));
  const last = Math.max(...columns);
  // Consumers as the answers define them: the marked ones, else the players where goods end.
  const marked = players.some((p, n) => p.consumer && onFlow(n));
  players.forEach((p, n) => {
    const isConsumer = marked ? p.consumer : pred[n] > 0 && succ[n].length === 0;
    if (onFlow(n) && isConsumer && succ[n].length === 0) columns[n] = last;
  });
  return columns;
}

/** Top-left corners of the players on the goods flow: x from the column, y from the order within it. */
function placeFlow(players: Player[], succ: number[][], columns: number[]): Map<number, { x: number; y: number }> {
  const onFlow = columns.filter((c) => c >= 0).length;
  const tops = onFlow <= DAGRE_LIMIT ? dagreTops(players, succ, columns) : stackedTops(succ, columns);
  return new Map([...tops].map(([n, y]) => [n, { x: columns[n] * COLUMN, y }]));
}

/** dagre orders each column to keep crossings few and spaces the cards apart. */
function dagreTops(players: Player[], succ: number[][], columns: number[]): Map<number, number> {
  const g = new Graph();
  // ranker "none" keeps the given ranks. dagre doubles every rank internally to make room for
  // edge labels, so the ranks given here are doubled too.
  g.setGraph({ rankdir: "LR", ranker: "none", nodesep: ROW_GAP, ranksep: COLUMN_GAP });
  g.setDefaultEdgeLabel(() => ({}));
  players.forEach((_, n) => {
    if (columns[n] >= 0) g.setNode(String(n), { ...LAYOUT_CARD, rank: 2 * columns[n] });
  });
  succ.forEach((targets, v) =>
    targets.forEach((w) => {
      // Inside a cycle both ends share a column; dagre only takes edges between columns.
      if (columns[w] > columns[v]) g.setEdge(String(v), String(w));
    }),
  );
  layout(g);
  return new Map(g.nodes().map((id) => [Number(id), (g.node(id).y as number) - LAYOUT_CARD.height / 2]));
}

/**
 * For boards too big for dagre's crossing reduction: one sweep from left to right, each
 * column sorted by the average row of the players feeding it, then stacked.
 */
function stackedTops(succ: number[][], columns: number[]): Map<number, number> {
  const pred: number[][] = succ.map(() => []);
  succ.forEach((targets, v) => targets.forEach((w) => pred[w].push(v)));
  const byColumn: number[][] = [];
  columns.forEach((c, n) => c >= 0 && (byColumn[c] ??= []).push(n));
  const row = new Map<number, number>();
  const tops = new Map<number, number>();
  for (const members of byColumn) {
    if (!members) continue;
    const key = (n: number) => {
      // Only players of earlier columns have a row yet; the rest of the column sorts last.
      const fed = pred[n].filter((m) => row.has(m));
      return fed.length ? fed.reduce((sum, m) => sum + (row.get(m) as number), 0) / fed.length : Number.MAX_VALUE;
    };
    const keys = new Map(members.map((n) => [n, key(n)]));
    members.sort((a, b) => (keys.get(a) as number) - (keys.get(b) as number) || a - b);
    members.forEach((n, i) => {
      row.set(n, i);
      tops.set(n, i * ROW);
    });
  }
  return tops;
}

/**
 * The players off the goods flow, below it: first one row of those with a channel to the
 * flow, each as near as it can be under the middle of the players it is linked to, then a
 * grid of the rest, ordered by kind along the chain (suppliers first) and then by id.
 */
function placeBelow(
  players: Player[],
  linked: number[][],
  flow: Map<number, { x: number; y: number }>,
  top: number,
  gridColumns: number,
): Map<number, { x: number; y: number }> {
  const spots = new Map<number, { x: number; y: number }>();
  const anchored: { n: number; x: number }[] = [];
  const loose: number[] = [];
  players.forEach((_, n) => {
    if (flow.has(n)) return;
    const neighbours = linked[n].filter((m) => flow.has(m));
    if (neighbours.length === 0) return loose.push(n);
    const centre = neighbours.reduce((sum, m) => sum + (flow.get(m) as { x: number }).x, 0) / neighbours.length;
    anchored.push({ n, x: centre });
  });

  anchored.sort((a, b) => a.x - b.x || a.n - b.n);
  let nextFree = -Infinity;
  for (const { n, x } of anchored) {
    const placed = Math.max(x, nextFree);
    spots.set(n, { x: placed, y: top });
    nextFree = placed + LAYOUT_CARD.width + SIDE_GAP;
  }

  const kindOrder = (n: number) => PLAYER_KINDS.indexOf(players[n].kind);
  loose.sort((a, b) => kindOrder(a) - kindOrder(b) || a - b);
  const gridTop = anchored.length > 0 ? top + ROW : top;
  loose.forEach((n, i) => spots.set(n, { x: (i % gridColumns) * COLUMN, y: gridTop + Math.floor(i / gridColumns) * ROW }));
  return spots;
}
