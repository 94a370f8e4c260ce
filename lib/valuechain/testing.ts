/**
 * Small builders and a seeded PRNG for the tests of this folder (and of others that need a
 * board quickly). Not used by the product code.
 */
import { makeChannel, makePlayer, type Board, type Channel, type Player } from "./model";

/** A player whose name is its id in capitals, kind `other` unless given. */
export function player(id: string, fields: Partial<Player> = {}): Player {
  return makePlayer({ id, name: id.toUpperCase(), kind: "other", ...fields });
}

/** A goods channel with the id `from>to`. */
export function goods(from: string, to: string, fields: Partial<Channel> = {}): Channel {
  return makeChannel({ id: `${from}>${to}`, from, to, flow: "goods", ...fields });
}

export function commercial(from: string, to: string, fields: Partial<Channel> = {}): Channel {
  return makeChannel({ id: `${from}$${to}`, from, to, flow: "commercial", ...fields });
}

export function influence(from: string, to: string, fields: Partial<Channel> = {}): Channel {
  return makeChannel({ id: `${from}~${to}`, from, to, flow: "influence", ...fields });
}

/**
 * A board from its channels: every id a channel mentions becomes a plain player unless it is
 * given in `players`.
 */
export function board(channels: Channel[], players: Player[] = [], title = "Test board"): Board {
  const given = new Map(players.map((p) => [p.id, p]));
  for (const c of channels) {
    for (const id of [c.from, c.to]) if (!given.has(id)) given.set(id, player(id));
  }
  return { title, players: [...given.values()], channels };
}

/** mulberry32: a tiny seeded PRNG, so that randomized tests replay exactly from their seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the given PRNG; returns a new array. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
