/**
 * A seeded, realistic `chainboard/v1` board of any size for the browser benchmark: the
 * picture a large company would draw, so the canvas is measured on the shapes people make
 * (wide columns of stages, mostly goods flowing forward, a few specifiers influencing the
 * purchase), not on a grid of identical cards. Pure: the same size and seed give the same file.
 */
import { makeChannel, makePlayer, type BoardFile, type Channel, type Flow, type Player, type PlayerKind } from "../lib/valuechain/model";
import { toBoardFile } from "../lib/valuechain/schema";
import { mulberry32 } from "../tests/helpers/random";

/** Share of the board per kind; `min` keeps the chain whole on the smallest boards. */
const MIX: readonly { kind: PlayerKind; weight: number; min: number }[] = [
  { kind: "supplier", weight: 0.08, min: 1 },
  { kind: "manufacturer", weight: 0.03, min: 1 },
  { kind: "importer", weight: 0.05, min: 0 },
  { kind: "distributor", weight: 0.1, min: 1 },
  { kind: "wholesaler", weight: 0.08, min: 0 },
  { kind: "retailer", weight: 0.18, min: 1 },
  { kind: "installer", weight: 0.1, min: 0 },
  { kind: "specifier", weight: 0.04, min: 0 },
  { kind: "end-user", weight: 0.34, min: 1 },
];

/** Column of each kind, left to right; specifiers stand beside the dealers and installers they advise. */
const STAGE: Record<PlayerKind, number> = {
  supplier: 0,
  manufacturer: 1,
  importer: 2,
  distributor: 3,
  wholesaler: 4,
  retailer: 5,
  installer: 5,
  specifier: 5,
  "end-user": 6,
  "service-provider": 5,
  other: 5,
};

const NAMES: Record<PlayerKind, string> = {
  supplier: "Supplier",
  manufacturer: "Manufacturer",
  importer: "Importer",
  distributor: "Distributor",
  wholesaler: "Wholesaler",
  retailer: "Retailer",
  installer: "Installer",
  specifier: "Specifier",
  "end-user": "End user",
  "service-provider": "Service provider",
  other: "Other",
};

/** Where goods come from, per receiving kind, nearest stage first. */
const GOODS_SOURCES: Partial<Record<PlayerKind, readonly PlayerKind[]>> = {
  manufacturer: ["supplier"],
  importer: ["manufacturer"],
  distributor: ["importer", "manufacturer"],
  wholesaler: ["distributor", "importer"],
  retailer: ["wholesaler", "distributor"],
  installer: ["wholesaler", "distributor"],
  "end-user": ["retailer", "installer"],
};

/** Channels beyond the one that connects each player: second sources, invoicing routes, advice. */
const EXTRA_ROUTES: readonly { from: PlayerKind; to: PlayerKind; flow: Flow; weight: number }[] = [
  { from: "distributor", to: "retailer", flow: "goods", weight: 4 },
  { from: "wholesaler", to: "retailer", flow: "goods", weight: 4 },
  { from: "retailer", to: "end-user", flow: "goods", weight: 5 },
  { from: "installer", to: "end-user", flow: "goods", weight: 4 },
  { from: "distributor", to: "installer", flow: "goods", weight: 2 },
  { from: "manufacturer", to: "distributor", flow: "goods", weight: 2 },
  { from: "supplier", to: "manufacturer", flow: "goods", weight: 1 },
  { from: "manufacturer", to: "retailer", flow: "commercial", weight: 2 },
  { from: "manufacturer", to: "installer", flow: "commercial", weight: 1 },
  { from: "importer", to: "retailer", flow: "commercial", weight: 1 },
  { from: "distributor", to: "end-user", flow: "commercial", weight: 1 },
  { from: "specifier", to: "end-user", flow: "influence", weight: 2 },
  { from: "specifier", to: "installer", flow: "influence", weight: 1 },
  { from: "manufacturer", to: "specifier", flow: "influence", weight: 1 },
];

const REASONS = {
  yes: ["We invoice them directly", "Places the orders we ship", "Chooses our brand for their projects", "Buys on our price list"],
  no: ["Buys from the distributor, not from us", "Uses the product; the dealer sells it", "Only recommends; never buys"],
  undecided: ["", "Depends on the region", "To discuss with Finance"],
} as const;

const ALIASES: Partial<Record<PlayerKind, readonly string[]>> = {
  retailer: ["Dealer", "Reseller", "Showroom"],
  installer: ["Fitter", "Contractor"],
  specifier: ["Architect", "Consulting engineer"],
  "end-user": ["Homeowner", "Facility manager"],
  wholesaler: ["Merchant"],
};

export const CARD_SPACING = { x: 320, y: 160 } as const;

/** How many players of each kind a board of `total` players holds, summing to `total` exactly. */
function kindCounts(total: number): Map<PlayerKind, number> {
  const counts = new Map(MIX.map(({ kind, weight, min }) => [kind, Math.max(min, Math.floor(weight * total))]));
  const wanted = (kind: PlayerKind) => MIX.find((m) => m.kind === kind)!.weight * total;
  let missing = total - [...counts.values()].reduce((a, b) => a + b, 0);
  while (missing !== 0) {
    // Adds where the board is furthest below its mix, or removes where it is furthest above.
    const sign = Math.sign(missing);
    const candidates = MIX.filter(({ kind, min }) => sign > 0 || counts.get(kind)! > min);
    const pick = candidates.reduce((best, m) =>
      sign * (wanted(m.kind) - counts.get(m.kind)!) > sign * (wanted(best.kind) - counts.get(best.kind)!) ? m : best,
    );
    counts.set(pick.kind, counts.get(pick.kind)! + sign);
    missing -= sign;
  }
  return counts;
}

/** A board of `players` players and round(1.5 × players) channels; needs at least 8 players. */
export function generateBoard(players: number, seed = 1): BoardFile {
  if (players < 8) throw new Error("the generated chain needs at least 8 players to hold 1.5 distinct channels per player");
  const random = mulberry32(seed);
  const pickOne = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const counts = kindCounts(players);

  // Empty stages close up, so a small board is a compact picture too. A stage of many players
  // wraps into several columns, so a big board is a wide picture as people draw them, not a
  // strip hundreds of cards tall.
  const usedStages = [...new Set(MIX.filter((m) => counts.get(m.kind)! > 0).map((m) => STAGE[m.kind]))].sort((a, b) => a - b);
  const rowsPerColumn = Math.max(6, Math.round(Math.sqrt(players) * 0.9));
  const inStage = new Map<number, number>();
  for (const { kind } of MIX) inStage.set(STAGE[kind], (inStage.get(STAGE[kind]) ?? 0) + counts.get(kind)!);
  const firstColumn = new Map<number, number>();
  let column = 0;
  for (const stage of usedStages) {
    firstColumn.set(stage, column);
    column += Math.ceil(inStage.get(stage)! / rowsPerColumn);
  }
  const rowInStage = new Map<number, number>();
  const byKind = new Map<PlayerKind, Player[]>();
  const all: Player[] = [];
  for (const { kind } of MIX) {
    const list: Player[] = [];
    for (let n = 1; n <= counts.get(kind)!; n++) {
      const stage = STAGE[kind];
      const row = rowInStage.get(stage) ?? 0;
      rowInStage.set(stage, row + 1);
      const isUs = kind === "manufacturer" && n === 1;
      list.push(
        makePlayer({
          id: `p${all.length + list.length + 1}`,
          name: `${NAMES[kind]} ${n}`,
          kind,
          x: (firstColumn.get(stage)! + Math.floor(row / rowsPerColumn)) * CARD_SPACING.x,
          y: (row % rowsPerColumn) * CARD_SPACING.y,
          isUs,
          consumer: kind === "end-user",
          notes: random() < 0.1 ? "Raised in the FY27 review" : "",
          aliases: ALIASES[kind] && random() < 0.2 ? [pickOne(ALIASES[kind])] : [],
        }),
      );
    }
    byKind.set(kind, list);
    all.push(...list);
  }

  const target = Math.round(1.5 * players);
  const channels: Channel[] = [];
  const taken = new Set<string>();
  // One channel per ordered pair of players, whatever its flow, and never a loop.
  const connect = (from: Player, to: Player, flow: Flow): void => {
    const key = `${from.id}>${to.id}`;
    if (from.id === to.id || taken.has(key) || channels.length >= target) return;
    taken.add(key);
    channels.push(makeChannel({ id: `c${channels.length + 1}`, from: from.id, to: to.id, flow }));
  };
  // A company draws its own chain: most of what the other manufacturers (competitors) would
  // ship is left off, so us is the manufacturer on most routes.
  const us = byKind.get("manufacturer")![0];
  const pickOf = (kind: PlayerKind): Player => (kind === "manufacturer" && random() < 0.8 ? us : pickOne(byKind.get(kind)!));
  const nearestSource = (kind: PlayerKind): PlayerKind => (GOODS_SOURCES[kind] ?? []).find((k) => byKind.get(k)!.length > 0)!;

  // Every player is on the picture for a reason: each receives goods (or advice) from upstream.
  for (const supplier of byKind.get("supplier")!) connect(supplier, pickOf("manufacturer"), "goods");
  for (const { kind } of MIX) {
    if (kind === "supplier" || kind === "manufacturer" || kind === "specifier") continue;
    for (const player of byKind.get(kind)!) connect(pickOf(nearestSource(kind)), player, "goods");
  }
  for (const specifier of byKind.get("specifier")!) connect(specifier, pickOne(byKind.get("end-user")!), "influence");

  const routes = EXTRA_ROUTES.filter((r) => byKind.get(r.from)!.length > 0 && byKind.get(r.to)!.length > 0);
  const totalWeight = routes.reduce((sum, r) => sum + r.weight, 0);
  for (let attempts = 0; channels.length < target; attempts++) {
    if (attempts > target * 50) throw new Error(`cannot place ${target} distinct channels among ${players} players`);
    let roll = random() * totalWeight;
    const route = routes.find((r) => (roll -= r.weight) < 0) ?? routes[routes.length - 1];
    connect(pickOf(route.from), pickOne(byKind.get(route.to)!), route.flow);
  }

  giveShares(all, channels, random);
  giveDecisions(all, channels, us, random);
  giveEngagement(all, channels, us, random);
  return toBoardFile({ title: `Generated value chain of ${players} players`, players: all, channels });
}

/** A quarter of the players that ship goods two or more ways know their split, summing to 100. */
function giveShares(players: readonly Player[], channels: Channel[], random: () => number): void {
  for (const player of players) {
    const out = channels.filter((c) => c.from === player.id && c.flow === "goods");
    if (out.length < 2 || random() >= 0.25) continue;
    const weights = out.map(() => 1 + random() * 4);
    const sum = weights.reduce((a, b) => a + b, 0);
    let left = 100;
    out.forEach((channel, i) => {
      const share = i === out.length - 1 ? left : Math.round((weights[i] / sum) * 100);
      channel.share = Math.min(share, left);
      left -= channel.share;
    });
  }
}

/**
 * Customer or not, and why: customers among the players our goods or invoices reach, one
 * decision in ten still without its reason, one in fifty contradicting the drawing.
 */
function giveDecisions(players: Player[], channels: readonly Channel[], us: Player, random: () => number): void {
  const next = new Map<string, string[]>();
  for (const c of channels) if (c.flow !== "influence") next.set(c.from, [...(next.get(c.from) ?? []), c.to]);
  const reached = new Set([us.id]);
  const queue = [us.id];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const to of next.get(id) ?? []) if (!reached.has(to) && reached.add(to)) queue.push(to);
  }
  for (const player of players) {
    if (player.isUs) continue;
    const ours = reached.has(player.id) !== random() < 0.02;
    const roll = random();
    player.customer = ours ? (roll < 0.45 ? "yes" : roll < 0.8 ? "no" : "undecided") : roll < 0.6 ? "no" : "undecided";
    const reasons = REASONS[player.customer];
    player.why = player.customer !== "undecided" && random() < 0.1 ? "" : reasons[Math.floor(random() * reasons.length)];
  }
}

/**
 * How sales works each segment, mostly consistent with the channels (direct where we invoice,
 * specification where a specifier advises) so the board carries the few warnings of a board in
 * progress, not hundreds: one in fifty answers contradicts the drawing.
 */
function giveEngagement(players: Player[], channels: readonly Channel[], us: Player, random: () => number): void {
  const invoiced = new Set(channels.filter((c) => c.flow === "commercial" && c.from === us.id).map((c) => c.to));
  const advised = new Set(channels.filter((c) => c.flow === "influence").map((c) => c.to));
  const slip = () => random() < 0.02;
  for (const player of players) {
    if (player.isUs) continue;
    const direct = invoiced.has(player.id) !== slip();
    player.transaction = direct ? "direct" : random() < 0.7 ? "indirect" : "none";
    const specified = (advised.has(player.id) || player.kind === "specifier") !== slip();
    player.strategy = specified ? "specification" : (["push", "push", "pull", "push-pull", "none"] as const)[Math.floor(random() * 5)];
  }
}
