/**
 * What Chainboard processes tell each other about a board over its Redis channel. Binary, with
 * lib0 encoding like the websocket protocol: [kind, sender process id, sent at (ms), …body].
 */
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";

export const FanoutKind = {
  /** A document update this process applied for commit: `seq` orders the sender's updates. */
  update: 1,
  /** Presence changed by the sender's connections (an awareness update). */
  awareness: 2,
  /** The sender just loaded the board: holders answer with what its state vector lacks. */
  hello: 3,
  /** The answer to a hello, for one process only. */
  state: 4,
  /** The sender's updates of this board up to `seq` are committed. */
  committed: 5,
} as const;

export type FanoutMessage =
  | { kind: typeof FanoutKind.update; from: string; sentAt: number; seq: number; update: Uint8Array }
  | { kind: typeof FanoutKind.awareness; from: string; sentAt: number; update: Uint8Array }
  | { kind: typeof FanoutKind.hello; from: string; sentAt: number; stateVector: Uint8Array }
  | { kind: typeof FanoutKind.state; from: string; sentAt: number; to: string; update: Uint8Array }
  | { kind: typeof FanoutKind.committed; from: string; sentAt: number; seq: number };

export function encodeFanout(m: FanoutMessage): Buffer {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, m.kind);
  encoding.writeVarString(e, m.from);
  encoding.writeFloat64(e, m.sentAt);
  switch (m.kind) {
    case FanoutKind.update:
      encoding.writeVarUint(e, m.seq);
      encoding.writeVarUint8Array(e, m.update);
      break;
    case FanoutKind.awareness:
      encoding.writeVarUint8Array(e, m.update);
      break;
    case FanoutKind.hello:
      encoding.writeVarUint8Array(e, m.stateVector);
      break;
    case FanoutKind.state:
      encoding.writeVarString(e, m.to);
      encoding.writeVarUint8Array(e, m.update);
      break;
    case FanoutKind.committed:
      encoding.writeVarUint(e, m.seq);
      break;
  }
  return Buffer.from(encoding.toUint8Array(e));
}

/** Throws on anything that is not a message of this protocol. */
export function decodeFanout(bytes: Uint8Array): FanoutMessage {
  const d = decoding.createDecoder(bytes);
  const kind = decoding.readVarUint(d);
  const from = decoding.readVarString(d);
  const sentAt = decoding.readFloat64(d);
  switch (kind) {
    case FanoutKind.update:
      return { kind, from, sentAt, seq: decoding.readVarUint(d), update: decoding.readVarUint8Array(d) };
    case FanoutKind.awareness:
      return { kind, from, sentAt, update: decoding.readVarUint8Array(d) };
    case FanoutKind.hello:
      return { kind, from, sentAt, stateVector: decoding.readVarUint8Array(d) };
    case FanoutKind.state:
      return { kind, from, sentAt, to: decoding.readVarString(d), update: decoding.readVarUint8Array(d) };
    case FanoutKind.committed:
      return { kind, from, sentAt, seq: decoding.readVarUint(d) };
    default:
      throw new Error(`unknown fan-out message kind ${kind}`);
  }
}
