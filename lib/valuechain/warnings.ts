/**
 * The warnings beside the eight answers (PRODUCT.md): what is missing from the diagram or
 * contradicts itself, one rule per code. Each names the players (and, where it is about them,
 * the channels) concerned, sorted by id, and says in a sentence what to look at; the list is
 * sorted by code, then ids, so the same board always warns the same way.
 */
import { compareIds, shownName, type Channel, type Player } from "./model";
import { reachableFrom } from "./graph";
import { numbersWhere, type ChainGraph } from "./chainGraph";

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

/** What the answers worked out already and the rules reuse (answers.ts). */
export interface ChainFacts {
  /** Us (the first player marked as us, by id), or null. */
  us: number | null;
  consumers: number[];
  /** The strongly connected components of the goods flow. */
  components: number[][];
}

export function findWarnings(graph: ChainGraph, facts: ChainFacts): Warning[] {
  const { us, consumers, components } = facts;
  const usPlayers = graph.players.filter((p) => p.isUs);
  const decided = graph.players.filter((p) => !p.isUs);
  return sortWarnings([
    ...usWarnings(usPlayers),
    ...customerWithoutWhy(decided),
    ...consumersPassingGoodsOn(graph),
    ...goodsCycles(graph, components),
    ...isolatedPlayers(graph),
    ...unreachedConsumers(graph, consumers, us),
    ...customersUnreached(graph, us),
    ...transactionMismatches(graph, us),
    ...sharesNot100(graph),
    ...specificationWithoutSpecifier(graph),
  ]);
}

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
  return shownName(graph.players[n]);
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
  const names = usPlayers.map((p) => shownName(p));
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
        `${shownName(p)} is marked as ${p.customer === "yes" ? "a customer" : "not a customer"}, but nobody has written down why.`,
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
    .map((p) => warning("isolated-player", `${shownName(p)} has no channel to or from anyone.`, [p.id]));
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
    const name = shownName(p);
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
    const name = nameOf(graph, graph.numberOf.get(id) as number);
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
      const name = shownName(p);
      return warning("specification-without-specifier", `The strategy for ${name} is specification, but no specifier influences ${name}.`, [p.id]);
    });
}
