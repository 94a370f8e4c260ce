/**
 * Hostile y-websocket frames for the protocol fuzz test: hand-built Yjs updates (update
 * format v1, as y-protocols sends them) shaped like known Yjs crash reports, and seeded
 * mutations of valid frames.
 *
 * Update v1 layout: varUint #clients, then per client: varUint #structs, varUint client,
 * varUint clock, structs (uint8 info, then by info: GC/Skip length, or an Item's origins,
 * parent, parentSub and content); then the delete set: varUint #clients, per client
 * varUint client, varUint #ranges, (varUint clock, varUint len)*.
 */
import * as encoding from "lib0/encoding";
import { MessageType, SyncType } from "../../lib/collab/protocol";
import { MAX_STATE_DEPTH } from "../../server/collab/awarenessFilter";
import { awarenessFrame, awarenessUpdate, syncFrame } from "./rawSocket";
import type { Rng } from "./fuzz";

/** What the server must do with a frame: close the socket (with this code), ignore it, or either. */
export type Expectation = { close: number } | "ignore" | "either";

export interface FuzzCase {
  category: string;
  name?: string;
  frame: Uint8Array;
  expect: Expectation;
}

const bytes = (build: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  build(e);
  return encoding.toUint8Array(e);
};
const uint = encoding.writeVarUint;
const str = encoding.writeVarString;

interface ItemSpec {
  /** Content ref: 1 deleted, 2 JSON, 3 binary, 4 string, 5 embed, 6 format, 7 type, 8 any, 9 doc. */
  ref: number;
  origin?: [number, number];
  rightOrigin?: [number, number];
  parentKey?: string;
  parentId?: [number, number];
  parentSub?: string;
  content: (e: encoding.Encoder) => void;
}

function writeItem(e: encoding.Encoder, item: ItemSpec): void {
  let info = item.ref;
  if (item.origin) info |= 0x80;
  if (item.rightOrigin) info |= 0x40;
  if (item.parentSub !== undefined) info |= 0x20;
  encoding.writeUint8(e, info);
  if (item.origin) (uint(e, item.origin[0]), uint(e, item.origin[1]));
  if (item.rightOrigin) (uint(e, item.rightOrigin[0]), uint(e, item.rightOrigin[1]));
  if (!item.origin && !item.rightOrigin) {
    if (item.parentKey !== undefined) (uint(e, 1), str(e, item.parentKey));
    else (uint(e, 0), uint(e, item.parentId![0]), uint(e, item.parentId![1]));
    if (item.parentSub !== undefined) str(e, item.parentSub);
  }
  item.content(e);
}

/** One client's structs (written by `structs`, announcing `count` of them) and an empty delete set. */
function oneClient(client: number, clock: number, structs: (e: encoding.Encoder) => void, count = 1): Uint8Array {
  return bytes((e) => {
    uint(e, 1);
    uint(e, count);
    uint(e, client);
    uint(e, clock);
    structs(e);
    uint(e, 0);
  });
}

const item = (client: number, clock: number, spec: ItemSpec) => oneClient(client, clock, (e) => writeItem(e, spec));

/**
 * Two items of one client: deleted content of length 2^52+16, then one of length 2^55 after
 * it (clock + length > 2^53). Y.applyUpdate integrated them and then threw in the
 * transaction's cleanup, leaving a document no fresh Yjs document can load.
 */
export const PAST_2_53 = new Uint8Array(Buffer.from("0102dcd90400210107706c61796572730164908080808080800881dcd9048f80808080808008808080808080804000", "hex"));

/**
 * Hand-built updates. `expect` is what the server does with them as a sync update or step 2
 * from an editor: "ignore" = harmless (applied, or kept pending on a missing dependency, which
 * Yjs does for legitimate out-of-order updates too), close 4400 = not a valid update.
 */
export const CRAFTED_UPDATES: { name: string; update: Uint8Array; expect: Expectation }[] = [
  // A count of structs far beyond the frame: Yjs (13.6) pre-allocates an array of that length
  // before reading, so 7 bytes used to cost ~160 ms of CPU and ~260 MB of heap on the server.
  { name: "33 million structs announced in 7 bytes", update: bytes((e) => (uint(e, 1), uint(e, 33_000_000), uint(e, 5), uint(e, 0))), expect: { close: 4400 } },
  { name: "20 million structs announced", update: bytes((e) => (uint(e, 1), uint(e, 20_000_000), uint(e, 5), uint(e, 0))), expect: { close: 4400 } },
  { name: "2^31 structs announced", update: bytes((e) => (uint(e, 1), uint(e, 2 ** 31), uint(e, 5), uint(e, 0))), expect: { close: 4400 } },
  { name: "a billion clients announced", update: bytes((e) => uint(e, 1e9)), expect: { close: 4400 } },
  { name: "item whose parent struct is missing", update: item(77001, 0, { ref: 4, parentId: [123456, 5], content: (e) => str(e, "x") }), expect: "ignore" },
  { name: "item whose left origin is missing", update: item(77002, 0, { ref: 4, origin: [999, 10], content: (e) => str(e, "x") }), expect: "ignore" },
  { name: "item whose right origin is missing", update: item(77003, 0, { ref: 4, rightOrigin: [998, 3], content: (e) => str(e, "x") }), expect: "ignore" },
  { name: "item that is its own origin", update: item(77004, 0, { ref: 4, origin: [77004, 0], content: (e) => str(e, "x") }), expect: { close: 4400 } },
  { name: "item whose origin is a later clock of its own client", update: item(77005, 0, { ref: 4, origin: [77005, 50], content: (e) => str(e, "x") }), expect: { close: 4400 } },
  { name: "client id 2^53-1", update: item(2 ** 53 - 1, 0, { ref: 4, parentKey: "players", parentSub: "fuzz-huge-client", content: (e) => str(e, "x") }), expect: "ignore" },
  { name: "clock 2^50 (missing everything before)", update: item(77006, 2 ** 50, { ref: 4, parentKey: "players", parentSub: "fuzz-late", content: (e) => str(e, "x") }), expect: "ignore" },
  { name: "GC struct of length 2^52", update: oneClient(77007, 0, (e) => (encoding.writeUint8(e, 0), uint(e, 2 ** 52))), expect: "ignore" },
  { name: "skip struct of length 2^52", update: oneClient(77008, 0, (e) => (encoding.writeUint8(e, 10), uint(e, 2 ** 52))), expect: "ignore" },
  { name: "deleted content of length 2^52", update: item(77009, 0, { ref: 1, parentKey: "players", parentSub: "fuzz-deleted", content: (e) => uint(e, 2 ** 52) }), expect: "ignore" },
  { name: "string content claiming 2^31 bytes (yjs#713)", update: item(77010, 0, { ref: 4, parentKey: "players", parentSub: "s", content: (e) => uint(e, 2 ** 31) }), expect: { close: 4400 } },
  { name: "any content claiming 2^40 values", update: item(77011, 0, { ref: 8, parentKey: "players", parentSub: "a", content: (e) => uint(e, 2 ** 40) }), expect: { close: 4400 } },
  { name: "JSON content claiming 2^40 values", update: item(77012, 0, { ref: 2, parentKey: "players", parentSub: "j", content: (e) => uint(e, 2 ** 40) }), expect: { close: 4400 } },
  { name: "type content with an unknown type ref", update: item(77013, 0, { ref: 7, parentKey: "players", parentSub: "t", content: (e) => uint(e, 99) }), expect: { close: 4400 } },
  { name: "embed content that is not JSON", update: item(77014, 0, { ref: 5, parentKey: "players", parentSub: "e", content: (e) => str(e, "{not json") }), expect: { close: 4400 } },
  { name: "format content that is not JSON", update: item(77015, 0, { ref: 6, parentKey: "players", parentSub: "f", content: (e) => (str(e, "bold"), str(e, "{")) }), expect: { close: 4400 } },
  { name: "subdocument content with __proto__ options", update: item(77016, 0, { ref: 9, parentKey: "players", parentSub: "fuzz-subdoc", content: (e) => (str(e, "guid-fuzz"), encoding.writeAny(e, { ["__proto__"]: { polluted: true }, constructor: 1 })) }), expect: "ignore" },
  { name: "list item inside the players map", update: item(77017, 0, { ref: 4, parentKey: "players", content: (e) => str(e, "listy") }), expect: "ignore" },
  { name: "unknown content ref 15", update: item(77018, 0, { ref: 15, parentKey: "players", parentSub: "u", content: () => {} }), expect: { close: 4400 } },
  { name: "delete set with a range of 2^52", update: bytes((e) => (uint(e, 0), uint(e, 1), uint(e, 77019), uint(e, 1), uint(e, 0), uint(e, 2 ** 52))), expect: "ignore" },
  { name: "delete set announcing 2^31 clients", update: bytes((e) => (uint(e, 0), uint(e, 2 ** 31))), expect: { close: 4400 } },
  { name: "delete set announcing 2^40 ranges", update: bytes((e) => (uint(e, 0), uint(e, 1), uint(e, 5), uint(e, 2 ** 40))), expect: { close: 4400 } },
  { name: "delete set range past 2^53", update: bytes((e) => (uint(e, 0), uint(e, 1), uint(e, 2 ** 53 - 1), uint(e, 1), uint(e, 2 ** 53 - 1), uint(e, 2 ** 53 - 1))), expect: { close: 4400 } },
  // lib0 reads varints up to 2^56; Yjs adds clocks in floating point. Found by the fuzzer: once
  // such structs were in the room, the server's sync step 2 threw "Unexpected case" in every
  // joining client.
  {
    name: "client id past 2^53",
    update: bytes((e) => {
      uint(e, 1);
      uint(e, 1);
      encoding.writeUint8Array(e, Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x50])); // 80·2^49
      uint(e, 0);
      writeItem(e, { ref: 4, parentKey: "players", parentSub: "fuzz-unsafe-client", content: (c) => str(c, "x") });
      uint(e, 0);
    }),
    expect: { close: 4400 },
  },
  { name: "structs ending past 2^53 (found by the fuzzer)", update: PAST_2_53, expect: { close: 4400 } },
  { name: "garbage bytes of yjs#479 ('garbagedoc' base64)", update: new Uint8Array(Buffer.from("garbagedoc", "base64")), expect: { close: 4400 } },
  { name: "empty update (yjs#498)", update: new Uint8Array(), expect: { close: 4400 } },
  { name: "endless varint (yjs#516)", update: new Uint8Array(64).fill(0xff), expect: { close: 4400 } },
  { name: "v2 run-length payload of yjs#687 sent as v1", update: new Uint8Array(Buffer.from("00010000000001000100010200001602000001fdffffffff7f0000", "hex")), expect: "ignore" },
  { name: "varint longer than 53 bits", update: Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), expect: { close: 4400 } },
];

/** Valid frames the mutators start from. */
export interface Corpus {
  frames: Uint8Array[];
  /** Full sync update/step2 frames of real board edits. */
  updates: Uint8Array[];
}

function varUintBytes(n: number): Uint8Array {
  return bytes((e) => uint(e, n));
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
};

function nestedJson(rng: Rng, depth: number): string {
  return rng.chance(0.5) ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

const PROTO_STATES = [
  '{"__proto__":{"polluted":true},"user":{"name":"x"}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"user":{"__proto__":{"isAdmin":true},"name":"y"}}',
  '{"__proto__":null}',
  '{"prototype":{"toString":"boom"},"hasOwnProperty":1}',
];

/**
 * One seeded hostile frame. `ownIds` are awareness ids this test may use for its own
 * presence (any other id may belong to a real client).
 */
export function fuzzCase(rng: Rng, corpus: Corpus, maxAwarenessBytes: number): FuzzCase {
  const roll = rng.int(100);
  const ownId = 900_000_000 + rng.int(1_000_000);
  if (roll < 14) {
    const n = rng.chance(0.9) ? rng.range(0, 64) : rng.range(65, 4096);
    return { category: "random bytes", frame: rng.bytes(n), expect: "either" };
  }
  if (roll < 22) {
    const known: number[] = [MessageType.sync, MessageType.awareness, MessageType.queryAwareness, MessageType.saveRequest];
    let type = rng.chance(0.7) ? rng.int(256) : rng.pick([1000, 2 ** 31, 2 ** 52]);
    while (known.includes(type)) type = rng.int(256);
    return { category: "unknown message type", frame: concat(varUintBytes(type), rng.bytes(rng.int(16))), expect: { close: 4400 } };
  }
  if (roll < 40) {
    const frame = new Uint8Array(rng.pick(corpus.frames));
    for (let k = rng.range(1, 4); k > 0; k--) frame[rng.int(frame.length)] ^= 1 << rng.int(8);
    return { category: "bit flips", frame, expect: "either" };
  }
  if (roll < 52) {
    const frame = rng.pick(corpus.frames);
    return { category: "truncation", frame: frame.slice(0, rng.int(frame.length)), expect: { close: 4400 } };
  }
  if (roll < 58) {
    const huge = rng.pick([2 ** 31, 2 ** 32, 2 ** 40, 2 ** 53 - 1]);
    const frame = rng.pick([
      concat(varUintBytes(MessageType.sync), varUintBytes(SyncType.update), varUintBytes(huge), rng.bytes(8)),
      concat(varUintBytes(MessageType.sync), varUintBytes(SyncType.step2), varUintBytes(huge)),
      concat(varUintBytes(MessageType.sync), varUintBytes(SyncType.step1), varUintBytes(huge), rng.bytes(3)),
      concat(varUintBytes(MessageType.sync), varUintBytes(huge)),
      concat(varUintBytes(MessageType.awareness), varUintBytes(huge), rng.bytes(4)),
      concat(varUintBytes(MessageType.saveRequest), new Uint8Array(12).fill(0xff)),
      concat(varUintBytes(MessageType.sync), varUintBytes(SyncType.update), new Uint8Array(11).fill(0x80)),
    ]);
    return { category: "huge varint length", frame, expect: { close: 4400 } };
  }
  if (roll < 64) {
    const sub = rng.pick([SyncType.step2, SyncType.update]);
    return { category: `sync ${sub === SyncType.step2 ? "step 2" : "update"} with garbage`, frame: syncFrame(sub, rng.bytes(rng.range(0, 200))), expect: "either" };
  }
  if (roll < 67) {
    return { category: "sync step 1 with garbage", frame: syncFrame(SyncType.step1, rng.bytes(rng.range(0, 40))), expect: "either" };
  }
  if (roll < 78) {
    const c = rng.pick(CRAFTED_UPDATES);
    const sub = rng.chance(0.5) ? SyncType.update : SyncType.step2;
    if (rng.chance(0.25)) {
      const frame = syncFrame(sub, c.update);
      frame[3 + rng.int(Math.max(1, frame.length - 3))] ^= 1 << rng.int(8);
      return { category: "crafted Yjs update, mutated", name: c.name, frame, expect: "either" };
    }
    return { category: "crafted Yjs update", name: c.name, frame: syncFrame(sub, c.update), expect: c.expect };
  }
  if (roll < 83) {
    const state = rng.pick(PROTO_STATES);
    return { category: "awareness with __proto__/constructor keys", frame: awarenessFrame(awarenessUpdate([{ clientId: ownId, clock: rng.range(1, 1000), state }])), expect: "ignore" };
  }
  if (roll < 88) {
    // Presence needs a few levels; the server refuses states nested deeper than MAX_STATE_DEPTH
    // (relaying one thousands deep would overflow the stack in JSON.stringify).
    const depth = rng.pick([2, MAX_STATE_DEPTH, MAX_STATE_DEPTH + 1, 100, 1000, 6000, 8000]);
    const state = nestedJson(rng, depth);
    const size = awarenessUpdate([{ clientId: ownId, clock: 1, state }]).length;
    return {
      category: "awareness with deeply nested JSON",
      name: `depth ${depth}`,
      frame: awarenessFrame(awarenessUpdate([{ clientId: ownId, clock: rng.range(1, 1000), state }])),
      expect: size > maxAwarenessBytes ? { close: 4403 } : depth > MAX_STATE_DEPTH ? { close: 4400 } : "ignore",
    };
  }
  if (roll < 91) {
    const state = rng.pick(["{", "undefined", "{'a':1}", "[1,]", "\u0000", "NaN", '{"a":1}}']);
    return { category: "awareness with invalid JSON", frame: awarenessFrame(awarenessUpdate([{ clientId: ownId, clock: 1, state }])), expect: { close: 4400 } };
  }
  if (roll < 93) {
    const state = JSON.stringify({ user: { name: "x".repeat(maxAwarenessBytes + rng.int(1000)) } });
    return { category: "awareness larger than MAX_AWARENESS_BYTES", frame: awarenessFrame(awarenessUpdate([{ clientId: ownId, clock: 1, state }])), expect: { close: 4403 } };
  }
  if (roll < 96) {
    // Counts that promise more entries than the frame holds.
    const frame = awarenessFrame(concat(varUintBytes(rng.pick([1000, 2 ** 31, 2 ** 53 - 1])), varUintBytes(ownId), varUintBytes(1)));
    return { category: "awareness with a forged entry count", frame, expect: { close: 4400 } };
  }
  return { category: "mutated real update", frame: mutateUpdate(rng, rng.pick(corpus.updates)), expect: "either" };
}

/** A real update frame with one varint inside replaced by a huge value, or its delete set garbled. */
function mutateUpdate(rng: Rng, frame: Uint8Array): Uint8Array {
  const at = rng.range(3, Math.max(3, frame.length - 1));
  const huge = varUintBytes(rng.pick([2 ** 31 - 1, 2 ** 32, 2 ** 50, 2 ** 53 - 1]));
  return rng.chance(0.5) ? concat(frame.slice(0, at), huge, frame.slice(at + 1)) : concat(frame.slice(0, frame.length - 1), varUintBytes(rng.int(2 ** 31)), rng.bytes(rng.int(6)));
}
