/**
 * Small board builders for tests that need a board quickly: `board([goods("a", "b")])` is a
 * chain of two players. Test code, kept out of the shipped tree.
 */
import { makeChannel, makePlayer, type Board, type Channel, type Player } from "../../lib/valuechain/model";

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

/** s1, s2 → m → d1, d2 → e1, e2: two starts, one player in the middle, two ends. */
export function diamond(us?: string, players: Player[] = []): Board {
  const channels = [goods("s1", "m"), goods("s2", "m"), goods("m", "d1"), goods("m", "d2"), goods("d1", "e1"), goods("d2", "e2")];
  const marked = us === undefined ? players : [...players, player(us, { isUs: true })];
  return board(channels, marked);
}

/** A deep copy of `b` with `change` made to it; `b` is left as it was. */
export function edited(b: Board, change: (copy: Board) => void): Board {
  const copy = structuredClone(b);
  change(copy);
  return copy;
}

/** The player with this id; throws when there is none, so a test cannot edit nothing. */
export function playerOf(b: Board, id: string): Player {
  const found = b.players.find((p) => p.id === id);
  if (!found) throw new Error(`no player ${id}`);
  return found;
}
