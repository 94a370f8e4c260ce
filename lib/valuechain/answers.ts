/**
 * The answers to the eight questions, read from the diagram itself (PRODUCT.md, "Answers to the
 * eight questions"), with the warnings of warnings.ts beside them.
 *
 * Goods flow (channels with `flow: "goods"`) decides consumers, starts, stages and distribution
 * channels; commercial and influence channels never count as distribution channels. Dangling
 * channels are ignored. Every list is sorted by id so that the answers are deterministic.
 *
 * Volume is counted once. A channel's share is the part of its source's goods volume that takes
 * it, so a route's share is the product of the shares along it; parallel routes split the
 * volume between them, and a route ends at the first consumer it reaches (a consumer uses the
 * product up). When every player on the routes shares out 100%, the routes add up to 100% of
 * our volume; when shares are missing, the answers name the channels that lack one.
 */
import { compareIds, PLAYER_KINDS, type Board, type Channel, type Player, type PlayerKind } from "./model";
import { condense, simplePaths } from "./graph";
import { buildGraph, numbersWhere, stepKey, type ChainGraph } from "./chainGraph";
import { findWarnings, type Warning } from "./warnings";

/** Enumeration of distribution channels stops here (PRODUCT.md). */
export const PATH_CAP = 10_000;
/**
 * Player ids allowed in all paths together. Real chains have paths of a handful of players, so
 * only a pathological board (thousands of players in long tangled paths) stops here, instead of
 * answering with hundreds of megabytes.
 */
export const PATH_TOTAL_LENGTH_CAP = 500_000;
/** Search steps allowed before giving up on a dense cyclic graph, where most branches yield no path. */
export const PATH_STEP_BUDGET = 2_000_000;

export interface Reason {
  id: string;
  why: string;
}

export interface Answers {
  /** Player ids by kind; only kinds that have players appear, in the order of PLAYER_KINDS. */
  players: Partial<Record<PlayerKind, string[]>>;
  consumers: string[];
  starts: string[];
  us: { id: string; stage: number; stages: number } | null;
  customers: Reason[];
  nonCustomers: Reason[];
  undecided: string[];
  channels: {
    count: number;
    /** Player ids from us (or a start) to a consumer, sorted by their sequence of ids. */
    paths: string[][];
    /**
     * Parallel to `paths`: the percentage of the first player's goods volume (ours, or the
     * start's) taking that path, or null when a channel on it has no share.
     */
    shares: (number | null)[];
    /** Goods channels on the paths that have no share, sorted by id: empty when every path has its share. */
    missingShares: string[];
    capped: boolean;
  };
  warnings: Warning[];
}

/** `warnings: false` skips the warnings (empty list): the version diff does not show them. */
export function analyzeBoard(board: Board, opts: { warnings?: boolean } = {}): Answers {
  const graph = buildGraph(board);
  const ids = (numbers: Iterable<number>) => [...numbers].map((n) => graph.players[n].id);
  const us = findUs(graph);
  const consumers = findConsumers(graph);
  const starts = findStarts(graph);
  const condensation = condense(graph.goods);
  const search = simplePaths(graph.goods, us === null ? starts : [us], consumers, {
    maxPaths: PATH_CAP,
    maxTotalLength: PATH_TOTAL_LENGTH_CAP,
    maxSteps: PATH_STEP_BUDGET,
  });
  const decided = graph.players.filter((p) => !p.isUs);
  const reason = (p: Player): Reason => ({ id: p.id, why: p.why });

  return {
    players: groupByKind(graph.players),
    consumers: ids(consumers),
    starts: ids(starts),
    us: us === null ? null : whereWeAre(graph, us, condensation.depth),
    customers: decided.filter((p) => p.customer === "yes").map(reason),
    nonCustomers: decided.filter((p) => p.customer === "no").map(reason),
    undecided: decided.filter((p) => p.customer === "undecided").map((p) => p.id),
    channels: {
      count: search.paths.length,
      paths: search.paths.map(ids),
      shares: search.paths.map((path) => pathShare(graph, path)),
      missingShares: missingShares(graph, search.paths),
      capped: search.capped,
    },
    warnings: opts.warnings === false ? [] : findWarnings(graph, { us, consumers, components: condensation.components }),
  };
}

/** Stages count players, not steps: a chain of one player has one stage. */
function whereWeAre(graph: ChainGraph, us: number, depth: Int32Array): Answers["us"] {
  const deepest = depth.reduce((max, d) => Math.max(max, d), 0);
  return { id: graph.players[us].id, stage: depth[us] + 1, stages: deepest + 1 };
}

/** Us: the first player marked as us, by id (the warnings name the others). */
function findUs(graph: ChainGraph): number | null {
  const us = graph.players.findIndex((p) => p.isUs);
  return us === -1 ? null : us;
}

/** Marked consumers; when nobody is marked, where goods end: players goods reach and never leave. */
function findConsumers(graph: ChainGraph): number[] {
  const marked = numbersWhere(graph, (p) => p.consumer);
  if (marked.length > 0) return marked;
  return numbersWhere(graph, (_, n) => graph.goodsPred[n].length > 0 && graph.goods[n].length === 0);
}

function findStarts(graph: ChainGraph): number[] {
  return numbersWhere(graph, (_, n) => graph.goods[n].length > 0 && graph.goodsPred[n].length === 0);
}

function groupByKind(players: Player[]): Partial<Record<PlayerKind, string[]>> {
  const groups: Partial<Record<PlayerKind, string[]>> = {};
  for (const kind of PLAYER_KINDS) {
    const members = players.filter((p) => p.kind === kind).map((p) => p.id);
    if (members.length > 0) groups[kind] = members;
  }
  return groups;
}

/** The goods channels from the player at `path[i - 1]` to the one at `path[i]`. */
function stepAt(graph: ChainGraph, path: number[], i: number): Channel[] {
  return graph.stepChannels.get(stepKey(graph.players.length, path[i - 1], path[i])) ?? [];
}

/**
 * The product of the step shares along the path. Parallel channels between the same two players
 * are one step whose share is their sum: one path, so their volume is counted once.
 */
function pathShare(graph: ChainGraph, path: number[]): number | null {
  let percent = 100;
  for (let i = 1; i < path.length; i++) {
    const step = stepAt(graph, path, i);
    if (step.some((c) => c.share === undefined)) return null;
    const share = step.reduce((sum, c) => sum + (c.share as number), 0);
    percent = (percent * share) / 100;
  }
  // Rounded so that 0.1 × 0.2 reads 2, not 2.0000000000000004.
  return Math.round(percent * 1e6) / 1e6;
}

/** What the paths' shares wait for: the channels along them without a share. */
function missingShares(graph: ChainGraph, paths: number[][]): string[] {
  const missing = new Set<string>();
  const seen = new Set<Channel[]>();
  for (const path of paths) {
    for (let i = 1; i < path.length; i++) {
      const step = stepAt(graph, path, i);
      if (seen.has(step)) continue;
      seen.add(step);
      for (const c of step) if (c.share === undefined) missing.add(c.id);
    }
  }
  return [...missing].sort(compareIds);
}
