/**
 * The answers to the eight questions, read from the diagram itself (PRODUCT.md, "Answers to the
 * eight questions"), and the warnings that flag what is missing or contradictory.
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
import { compareIds, liveChannels, PLAYER_KINDS, sortById, type Board, type Channel, type Player, type PlayerKind } from "./model";
import { condense, reachableFrom, reverse, simplePaths } from "./graph";

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
/** Shares are typed by people and summed in floating point: within a hundredth of 100 is 100. */
const SHARE_TOLERANCE = 0.01;

export type WarningCode =
  | "consumer-passes-goods-on"
  | "customer-unreached"
  | "customer-without-why"
  | "goods-cycle"
  | "isolated-player"
  | "no-us"
  | "several-us"
  | "shares-not-100"
  | "specification-without-specifier"
  | "transaction-mismatch"
  | "unreached-consumer";

export interface Warning {
  code: WarningCode;
  message: string;
  /** The players concerned, sorted by id. */
  ids: string[];
  /** The channels concerned, sorted by id, for warnings about channels rather than players. */
  channels?: string[];
}

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

/** The name people see for a player; its id when it has no name (or no longer exists). */
export function playerName(board: Board, id: string): string {
  const player = board.players.find((p) => p.id === id);
  return displayName(player, id);
}

function displayName(player: Player | undefined, id: string): string {
  return player?.name.trim() || id;
}

/**
 * The board re-expressed for graph work: players sorted by id and numbered in that order, so
 * sorted successor lists visit players by id and everything derived is deterministic.
 */
interface ChainGraph {
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

function buildGraph(board: Board): ChainGraph {
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
function stepKey(playerCount: number, from: number, to: number): number {
  return from * playerCount + to;
}

function sortedLists(sets: Set<number>[]): number[][] {
  return sets.map((set) => [...set].sort((a, b) => a - b));
}

/** `warnings: false` skips the warnings (empty list): the version diff does not show them. */
export function analyzeBoard(board: Board, opts: { warnings?: boolean } = {}): Answers {
  const graph = buildGraph(board);
  const ids = (numbers: Iterable<number>) => [...numbers].map((n) => graph.players[n].id);
  const usPlayers = graph.players.filter((p) => p.isUs);
  const us = usPlayers.length > 0 ? (graph.numberOf.get(usPlayers[0].id) as number) : null;
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
    warnings: opts.warnings === false ? [] : sortWarnings([
      ...usWarnings(usPlayers),
      ...customerWithoutWhy(decided),
      ...consumersPassingGoodsOn(graph),
      ...goodsCycles(graph, condensation.components),
      ...isolatedPlayers(graph),
      ...unreachedConsumers(graph, consumers, us),
      ...customersUnreached(graph, us),
      ...transactionMismatches(graph, us),
      ...sharesNot100(graph),
      ...specificationWithoutSpecifier(graph),
    ]),
  };
}

/** Stages count players, not steps: a chain of one player has one stage. */
function whereWeAre(graph: ChainGraph, us: number, depth: Int32Array): Answers["us"] {
  const deepest = depth.reduce((max, d) => Math.max(max, d), 0);
  return { id: graph.players[us].id, stage: depth[us] + 1, stages: deepest + 1 };
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

function numbersWhere(graph: ChainGraph, keep: (p: Player, n: number) => boolean): number[] {
  const out: number[] = [];
  graph.players.forEach((p, n) => {
    if (keep(p, n)) out.push(n);
  });
  return out;
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

// ---------------------------------------------------------------------------------------------
// Warnings

function warning(code: WarningCode, message: string, ids: string[], channels?: string[]): Warning {
  const found: Warning = { code, message, ids: [...ids].sort(compareIds) };
  if (channels !== undefined) found.channels = [...channels].sort(compareIds);
  return found;
}

function sortWarnings(warnings: Warning[]): Warning[] {
  return warnings.sort((a, b) => compareIds(a.code, b.code) || compareIdLists(a.ids, b.ids));
}

function compareIdLists(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareIds(a[i], b[i]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function nameOf(graph: ChainGraph, n: number): string {
  return displayName(graph.players[n], graph.players[n].id);
}

/** "A", "A and B", "A, B and C". */
function listNames(names: string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function usWarnings(usPlayers: Player[]): Warning[] {
  if (usPlayers.length === 0) {
    return [warning("no-us", "No player is marked as us, so the board cannot say where the company sits or which channels it sells through.", [])];
  }
  if (usPlayers.length === 1) return [];
  const names = usPlayers.map((p) => displayName(p, p.id));
  return [
    warning(
      "several-us",
      `${listNames(names)} are all marked as us; the answers use ${names[0]}. Agree on one.`,
      usPlayers.map((p) => p.id),
    ),
  ];
}

function customerWithoutWhy(decided: Player[]): Warning[] {
  return decided
    .filter((p) => p.customer !== "undecided" && p.why.trim() === "")
    .map((p) =>
      warning(
        "customer-without-why",
        `${displayName(p, p.id)} is marked as ${p.customer === "yes" ? "a customer" : "not a customer"}, but nobody has written down why.`,
        [p.id],
      ),
    );
}

/**
 * A consumer uses the product up, so nothing can leave it: goods that do are either a mistake in
 * the drawing or a sign that the player is not the ultimate consumer. Routes end at the first
 * consumer, so the volume those channels claim to carry is in no route.
 */
function consumersPassingGoodsOn(graph: ChainGraph): Warning[] {
  return numbersWhere(graph, (p) => p.consumer).flatMap((n) => {
    const id = graph.players[n].id;
    const leaving = graph.channels.filter((c) => c.flow === "goods" && c.from === id);
    if (leaving.length === 0) return [];
    const where = listNames(leaving.map((c) => channelEnd(graph, c)));
    const those = leaving.length === 1 ? "that channel" : "those channels";
    return [
      warning(
        "consumer-passes-goods-on",
        `${nameOf(graph, n)} is marked as an ultimate consumer, yet passes goods on to ${where}. A consumer uses the product up, so routes end there: unmark it or remove ${those}.`,
        [id],
        leaving.map((c) => c.id),
      ),
    ];
  });
}

/** Where a channel leads, with its label when it has one: `Homeowner (“fitted”)`. */
function channelEnd(graph: ChainGraph, c: Channel): string {
  const to = nameOf(graph, graph.numberOf.get(c.to) as number);
  const label = c.label.trim();
  return label === "" ? to : `${to} (“${label}”)`;
}

function goodsCycles(graph: ChainGraph, components: number[][]): Warning[] {
  const cyclic = components.filter((members) => members.length > 1 || graph.goods[members[0]].includes(members[0]));
  return cyclic.map((members) =>
    warning(
      "goods-cycle",
      members.length === 1
        ? `Goods flow from ${nameOf(graph, members[0])} back to itself.`
        : `Goods flow in a circle through ${listNames(members.map((n) => nameOf(graph, n)))}; they are counted as one stage.`,
      members.map((n) => graph.players[n].id),
    ),
  );
}

function isolatedPlayers(graph: ChainGraph): Warning[] {
  const touched = new Set(graph.channels.flatMap((c) => [c.from, c.to]));
  return graph.players
    .filter((p) => !touched.has(p.id))
    .map((p) => warning("isolated-player", `${displayName(p, p.id)} has no channel to or from anyone.`, [p.id]));
}

/** Consumers no goods reach at all, or, when there is an us, that goods from us never reach. */
function unreachedConsumers(graph: ChainGraph, consumers: number[], us: number | null): Warning[] {
  const fromUs = us === null ? null : reachableFrom(graph.goods, [us]);
  const usName = us === null ? "" : nameOf(graph, us);
  return consumers.flatMap((n) => {
    const name = nameOf(graph, n);
    const id = graph.players[n].id;
    if (n === us) return [];
    if (graph.goodsPred[n].length === 0) {
      return [warning("unreached-consumer", `${name} is a consumer, but no goods channel leads to it.`, [id])];
    }
    if (fromUs !== null && !fromUs[n]) {
      return [warning("unreached-consumer", `${name} is a consumer, but goods from ${usName} never reach it.`, [id])];
    }
    return [];
  });
}

function customersUnreached(graph: ChainGraph, us: number | null): Warning[] {
  if (us === null) return [];
  const reached = reachableFrom(graph.anyFlow, [us]);
  return numbersWhere(graph, (p, n) => !p.isUs && p.customer === "yes" && !reached[n]).map((n) =>
    warning(
      "customer-unreached",
      `${nameOf(graph, n)} is marked as a customer, but no channel leads there from ${nameOf(graph, us)}.`,
      [graph.players[n].id],
    ),
  );
}

function transactionMismatches(graph: ChainGraph, us: number | null): Warning[] {
  if (us === null) return [];
  const usId = graph.players[us].id;
  const invoiced = new Set(
    graph.channels
      .filter((c) => c.flow === "commercial" && (c.from === usId || c.to === usId))
      .map((c) => (c.from === usId ? c.to : c.from)),
  );
  const usName = nameOf(graph, us);
  return graph.players.flatMap((p) => {
    if (p.isUs) return [];
    const name = displayName(p, p.id);
    if (p.transaction === "direct" && !invoiced.has(p.id)) {
      return [warning("transaction-mismatch", `${name} is marked as buying directly, but there is no commercial channel between ${usName} and ${name}.`, [p.id])];
    }
    if (p.transaction === "indirect" && invoiced.has(p.id)) {
      return [warning("transaction-mismatch", `${name} is marked as buying indirectly, but a commercial channel links ${usName} and ${name} directly.`, [p.id])];
    }
    return [];
  });
}

function sharesNot100(graph: ChainGraph): Warning[] {
  const outgoing = new Map<string, Channel[]>();
  for (const c of graph.channels) {
    if (c.flow !== "goods") continue;
    const list = outgoing.get(c.from) ?? [];
    list.push(c);
    outgoing.set(c.from, list);
  }
  return [...outgoing].flatMap(([id, channels]) => {
    const given = channels.filter((c) => c.share !== undefined);
    if (given.length === 0) return [];
    const name = displayName(graph.players[graph.numberOf.get(id) as number], id);
    if (given.length < channels.length) {
      return [warning("shares-not-100", `Some goods channels leaving ${name} have a share and others do not.`, [id])];
    }
    const sum = given.reduce((total, c) => total + (c.share as number), 0);
    if (Math.abs(sum - 100) <= SHARE_TOLERANCE) return [];
    return [warning("shares-not-100", `The goods shares leaving ${name} add up to ${Math.round(sum * 100) / 100}%, not 100%.`, [id])];
  });
}

/**
 * Selling by specification needs someone who specifies. A specifier is exempt itself: the
 * strategy then says the company works on the specifier directly.
 */
function specificationWithoutSpecifier(graph: ChainGraph): Warning[] {
  const specified = new Set(
    graph.channels
      .filter((c) => c.flow === "influence" && graph.players[graph.numberOf.get(c.from) as number].kind === "specifier")
      .map((c) => c.to),
  );
  return graph.players
    .filter((p) => !p.isUs && p.strategy === "specification" && p.kind !== "specifier" && !specified.has(p.id))
    .map((p) => {
      const name = displayName(p, p.id);
      return warning("specification-without-specifier", `The strategy for ${name} is specification, but no specifier influences ${name}.`, [p.id]);
    });
}
