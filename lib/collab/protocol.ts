/**
 * Wire protocol of `/collab/{boardId}`: the y-websocket protocol (y-protocols sync and
 * awareness messages, each prefixed by a varUint message type) plus one extension that
 * stock clients never trigger:
 *
 *   client → server  [SAVE_REQUEST, varUint id]   "tell me when what I sent so far is durable"
 *   server → client  [SAVED, varUint id]          every update this connection sent before the
 *                                                 request is committed to the database
 *
 * A stock y-websocket client never sends SAVE_REQUEST, so it never receives SAVED.
 * See docs/SPEC.md for the rules (R-*) the server follows.
 */
import * as encoding from "lib0/encoding";

export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  saveRequest: 20,
  saved: 21,
} as const;

export const SyncType = { step1: 0, step2: 1, update: 2 } as const;

/** Websocket close codes the server uses, with the reason string it sends. */
export const CloseCode = {
  /** Server is shutting down, or the board was evicted to make room (R-ROOMS); reconnect. */
  goingAway: 1001,
  /** A frame larger than MAX_MESSAGE_BYTES. */
  messageTooBig: 1009,
  /** The frame could not be decoded as a y-websocket message. */
  badMessage: 4400,
  /** The token is no longer valid (rotated or board deleted). */
  unauthorized: 4401,
  /** Awareness update larger than MAX_AWARENESS_BYTES (foreign ids are dropped, not closed: R-AWARENESS-OWN). */
  awarenessRejected: 4403,
  /** The update would make the document larger than MAX_DOC_BYTES or MAX_DOC_MEMORY_BYTES (R-BUDGET). */
  documentTooLarge: 4413,
  /**
   * Retry later: more than MAX_MESSAGES_PER_SECOND document messages or MAX_SYNC_REQUESTS sync
   * requests, a heap nearly full, or too many edits held during a pause. The standard code,
   * so that stock clients (which treat 4400-4499 as permanent) reconnect.
   */
  rateLimited: 1013,
  /** The board could not be loaded or stored; nothing was overwritten. Retry later. */
  storageFailed: 4500,
  /**
   * The process cannot take this board now (MAX_LOADED_BOARDS reached with nothing idle to
   * evict, or its memory budget is spent). Retry later.
   */
  overloaded: 4503,
  /**
   * The room dropped updates of this connection that it could not integrate in time (their
   * dependency never arrived, or they passed MAX_PENDING_BYTES). Reconnect: the resync sends
   * them again together with what they depend on.
   */
  resyncNeeded: 4409,
  /** The client did not read what the server sent and passed MAX_SEND_BUFFER_BYTES. Reconnect. */
  sendBufferFull: 4508,
} as const;

export function encodeSaved(id: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.saved);
  encoding.writeVarUint(e, id);
  return encoding.toUint8Array(e);
}

export function encodeSaveRequest(id: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.saveRequest);
  encoding.writeVarUint(e, id);
  return encoding.toUint8Array(e);
}

// --- frames: every encoder of the wire format, shared by the server, the benches and the tests ---

/** [sync, subtype, payload]: sync step 1 (a state vector), step 2 or update (an update). */
export function syncFrame(subtype: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, subtype);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** Sync step 1: "here is my state vector, send me what I lack". */
export const syncStep1Frame = (stateVector: Uint8Array): Uint8Array => syncFrame(SyncType.step1, stateVector);
/** Sync step 2: what the other side lacked. */
export const syncStep2Frame = (update: Uint8Array): Uint8Array => syncFrame(SyncType.step2, update);
/** A live document update. */
export const updateFrame = (update: Uint8Array): Uint8Array => syncFrame(SyncType.update, update);

/** [awareness, update]: presence states (y-protocols awareness update). */
export function awarenessFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}
