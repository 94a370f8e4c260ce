/**
 * A y-websocket client light enough to run 2,000 of in the benchmark's process: it speaks the
 * protocol (answers the server's sync step 1, waits for step 2) but keeps no document, and
 * tells when each relayed update arrives by the id of its first struct, which the writer knew
 * before sending. The same client drives every server, so the comparison stays fair.
 */
import WebSocket from "ws";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import { MessageType, SyncType, syncStep1Frame, syncStep2Frame, updateFrame } from "../../lib/collab/protocol";

const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

/** `client:clock` of an update's first struct, or null for an update without structs. */
export function firstStructKey(update: Uint8Array): string | null {
  const d = decoding.createDecoder(update);
  if (decoding.readVarUint(d) === 0) return null;
  decoding.readVarUint(d); // structs of the first client
  const client = decoding.readVarUint(d);
  const clock = decoding.readVarUint(d);
  return `${client}:${clock}`;
}

export interface LightClientOptions {
  /** Called with the first-struct key of every relayed update and when it arrived. */
  onUpdate?: (key: string, at: number) => void;
  /** Called with every document payload received (sync step 2 and updates: a join's answer). */
  onPayload?: (update: Uint8Array) => void;
}

export class LightClient {
  readonly ws: WebSocket;
  /** Resolves when the socket is open (and, with `waitForSync`, once sync step 2 arrived). */
  readonly ready: Promise<void>;
  private doc: Y.Doc | null = null;

  constructor(url: string, waitForSync: boolean, opts: LightClientOptions = {}) {
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws.binaryType = "nodebuffer";
    let synced = () => {};
    const gotStep2 = new Promise<void>((resolve) => (synced = resolve));
    const open = new Promise<void>((resolve, reject) => {
      this.ws.once("open", () => resolve());
      this.ws.once("error", reject);
      this.ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    });
    this.ready = open.then(() => {
      this.ws.send(syncStep1Frame(EMPTY_STATE_VECTOR));
      return waitForSync ? gotStep2 : undefined;
    });
    this.ws.on("message", (data: Buffer) => {
      const at = performance.now();
      const d = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (decoding.readVarUint(d) !== MessageType.sync) return;
      const type = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (type === SyncType.step1) return this.ws.send(syncStep2Frame(this.doc ? Y.encodeStateAsUpdate(this.doc, payload) : EMPTY_UPDATE));
      opts.onPayload?.(payload);
      if (type === SyncType.step2) synced();
      else if (type === SyncType.update && opts.onUpdate) {
        const key = firstStructKey(payload);
        if (key) opts.onUpdate(key, at);
      }
    });
    this.ws.on("error", () => {});
  }

  /** Makes this client a writer: its own document, whose updates it sends. */
  writer(): Y.Doc {
    this.doc ??= new Y.Doc();
    this.doc.on("update", (update: Uint8Array) => {
      if (this.ws.readyState === WebSocket.OPEN) this.ws.send(updateFrame(update));
    });
    return this.doc;
  }

  close(): void {
    this.ws.terminate();
    this.doc?.destroy();
  }
}
