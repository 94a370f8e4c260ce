/**
 * Helpers for chaos, fuzz and security tests against the real server process:
 *
 * - `startServerWhenBuilt`: startServer that waits while the web app's production build is
 *   missing or being rebuilt by someone else (the server cannot start without `.next/`).
 * - `TrackedClient`: a stock y-websocket provider whose socket records every frame it sends and
 *   receives, so a test knows exactly which updates the server acknowledged with SAVED for a
 *   SAVE_REQUEST sent after them on the same socket (R-SAVED), and which it relayed to other
 *   clients (R-COMMIT: at once, before their commit; they survive a crash through those clients).
 * - `Coverage`: the structs and deletions of a set of updates, and which of them a document lacks.
 * - `storedDoc`: the board as the database holds it (snapshot + update rows).
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import * as Y from "yjs";
import WebSocket from "ws";
import * as decoding from "lib0/decoding";
import { WebsocketProvider } from "y-websocket";
import { openDatabase } from "../../server/db/database";
import { PrismaDocStore } from "../../server/collab/prismaDocStore";
import { encodeSaveRequest, MessageType, SyncType } from "../../lib/collab/protocol";
import { readBoard } from "../../lib/collab/boardDoc";
import { startServer, type RunningServer } from "./server";

const ROOT = path.join(import.meta.dirname, "..", "..");
// Every y-websocket provider in Node adds a process "exit" listener; tests run dozens at once.
process.setMaxListeners(200);

// --- server ---------------------------------------------------------------------------------

const BUILD_MISSING = /Could not find a production build|production-start-no-build-id|ENOENT[^\n]*\.next/;

/**
 * Starts the server like `startServer`, but when the production build is missing or being
 * replaced (another engineer runs `next build`), waits and retries instead of failing.
 */
export async function startServerWhenBuilt(
  opts: Parameters<typeof startServer>[0] = {},
  waitMs = 10 * 60_000,
): Promise<RunningServer> {
  const deadline = Date.now() + waitMs;
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  for (let attempt = 1; ; attempt++) {
    while (!existsSync(buildId) && Date.now() < deadline) await sleep(2000);
    // A build that was just written may still be in progress; give it a moment to settle.
    if (existsSync(buildId) && Date.now() - statSync(buildId).mtimeMs < 3000) await sleep(3000);
    try {
      return await startServer(opts);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (Date.now() > deadline || (!BUILD_MISSING.test(message) && attempt >= 3)) throw err;
      await sleep(2000);
    }
  }
}

export async function healthz(url: string, timeoutMs = 2000): Promise<{ status: number; body: Record<string, unknown> | null }> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    return { status: res.status, body };
  } catch {
    return { status: 0, body: null };
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `check` every `intervalMs` until it holds; throws after `timeoutMs`. */
export async function waitUntil(check: () => boolean, timeoutMs: number, what: string, intervalMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(intervalMs);
  }
}

// --- what a set of updates contains ---------------------------------------------------------------

/**
 * The structs (per Yjs client: the highest clock covered) and deletions of some updates.
 * A document contains a struct range when its state vector reaches the range's end (a Yjs
 * document only integrates a client's structs in clock order, so every lower clock is there
 * too) and a deletion when the item is deleted in it.
 */
export class Coverage {
  readonly clocks = new Map<number, number>();
  readonly deletes = new Map<string, { client: number; clock: number; len: number }>();
  updates = 0;
  private seen: Set<string> | null = null;

  /** Like add, but an update already added (the same bytes, e.g. one relay seen by 19 clients) counts once. */
  addOnce(update: Uint8Array): void {
    this.seen ??= new Set();
    const key = Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString("base64");
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.add(update);
  }

  add(update: Uint8Array): void {
    this.updates++;
    const { structs, ds } = Y.decodeUpdate(update);
    for (const s of structs) {
      if (s instanceof Y.Skip) continue;
      const end = s.id.clock + s.length;
      if ((this.clocks.get(s.id.client) ?? 0) < end) this.clocks.set(s.id.client, end);
    }
    for (const [client, items] of ds.clients) {
      for (const { clock, len } of items) this.deletes.set(`${client}:${clock}:${len}`, { client, clock, len });
    }
  }

  merge(other: Coverage): void {
    for (const [client, end] of other.clocks) if ((this.clocks.get(client) ?? 0) < end) this.clocks.set(client, end);
    for (const [k, v] of other.deletes) this.deletes.set(k, v);
    this.updates += other.updates;
  }

  /** What of this coverage `doc` lacks, described for an assertion message; [] when nothing. */
  missingFrom(doc: Y.Doc): string[] {
    const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
    const missing: string[] = [];
    for (const [client, end] of this.clocks) {
      const have = sv.get(client) ?? 0;
      if (have < end) missing.push(`structs of client ${client} up to clock ${end} (document has ${have})`);
    }
    const ds = Y.createDeleteSetFromStructStore(doc.store);
    for (const { client, clock, len } of this.deletes.values()) {
      for (let c = clock; c < clock + len; c++) {
        if (!Y.isDeleted(ds, Y.createID(client, c))) {
          missing.push(`deletion of ${client}:${c}`);
          break;
        }
      }
    }
    return missing;
  }
}

// --- clients that know what the server acknowledged --------------------------------------------

interface SentFrame {
  update: Uint8Array | null;
}

interface SocketLog {
  sent: SentFrame[];
  /** Index into `sent` up to which SAVED has acknowledged the updates. */
  ackedUpTo: number;
  /** SAVE_REQUEST id → number of frames sent on this socket before it. */
  requests: Map<number, number>;
}

export interface TrackedClientOptions {
  /** Coverage shared by all clients of a board: updates the server relayed to anyone. */
  relayed?: Coverage;
  /** Called synchronously when an acknowledgement arrives (a relay or SAVED), after it is recorded. */
  onAck?: (kind: "relay" | "saved") => void;
  connect?: boolean;
  maxBackoffTime?: number;
  /** More URL parameters, e.g. the browser's presence key `k`. */
  params?: Record<string, string>;
}

/** Reads a y-websocket frame's document update (sync step 2 or update), or null. */
export function updateOfFrame(frame: Uint8Array): Uint8Array | null {
  try {
    const d = decoding.createDecoder(frame);
    if (decoding.readVarUint(d) !== MessageType.sync) return null;
    const sub = decoding.readVarUint(d);
    if (sub !== SyncType.step2 && sub !== SyncType.update) return null;
    return decoding.readVarUint8Array(d);
  } catch {
    return null;
  }
}

function frameBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data as Buffer[]));
  throw new Error("unexpected frame type");
}

export class TrackedClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** Updates the server acknowledged with SAVED. */
  readonly acked = new Coverage();
  /** Sync messages of type "update" received: relays of other connections' updates. */
  relaysReceived = 0;
  /** Sync step 2 and update frames this client sent, on any socket. */
  writesSent = 0;
  /** Document updates made on this client (not received from the server). */
  localUpdates = 0;
  killed = false;
  private readonly logs = new Map<WebSocket, SocketLog>();
  /** Every close of this client's sockets, as "code reason": what a failed check reports. */
  readonly closes: string[] = [];
  private nextRequestId = 1;
  private readonly waiters = new Map<number, { resolve: (ok: boolean) => void; ws: WebSocket }>();

  constructor(
    wsUrl: string,
    boardId: string,
    token: string,
    private readonly opts: TrackedClientOptions = {},
  ) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const client = this;
    class RecordingWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols);
        client.logs.set(this, { sent: [], ackedUpTo: 0, requests: new Map() });
        this.on("message", (data: WebSocket.RawData) => client.onReceived(frameBytes(data)));
        this.on("close", (code: number, reason: Buffer) => {
          client.closes.push(`${code} ${reason.toString()}`.trim());
          client.onSocketClosed(this);
        });
      }

      override send(data: unknown, ...rest: unknown[]): void {
        client.onSent(this, frameBytes(data));
        (WebSocket.prototype.send as (...a: unknown[]) => void).call(this, data, ...rest);
      }
    }
    this.provider = new WebsocketProvider(wsUrl, boardId, this.doc, {
      params: { t: token, ...opts.params },
      WebSocketPolyfill: RecordingWebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      connect: opts.connect ?? true,
      maxBackoffTime: opts.maxBackoffTime ?? 300,
    });
    this.provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => this.onSaved(decoding.readVarUint(decoder));
    this.doc.on("update", (_update: Uint8Array, origin: unknown) => {
      if (origin !== this.provider) this.localUpdates++;
    });
  }

  get ws(): WebSocket | null {
    return this.provider.ws as unknown as WebSocket | null;
  }

  get open(): boolean {
    return this.provider.wsconnected && this.ws?.readyState === WebSocket.OPEN;
  }

  /**
   * Sends SAVE_REQUEST on the current socket. Resolves true on SAVED, false when the socket
   * closes first or no socket is open.
   */
  requestSaved(): Promise<boolean> {
    const ws = this.ws;
    if (!this.open || !ws) return Promise.resolve(false);
    const id = this.nextRequestId++;
    const done = new Promise<boolean>((resolve) => this.waiters.set(id, { resolve, ws }));
    ws.send(encodeSaveRequest(id));
    return done;
  }

  /** Waits until SAVED arrives for a request sent after everything this client has. */
  async saveAll(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.provider.synced && (await this.requestSaved())) return;
      await sleep(50);
    }
    throw new Error("no SAVED acknowledgement");
  }

  /** Abrupt death: the socket is dropped without a close frame and the provider never reconnects. */
  kill(): void {
    this.killed = true;
    this.ws?.terminate();
    this.provider.destroy();
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }

  private onSent(ws: WebSocket, frame: Uint8Array): void {
    const log = this.logs.get(ws);
    if (!log) return;
    const update = updateOfFrame(frame);
    if (update) {
      this.writesSent++;
      log.sent.push({ update });
      return;
    }
    try {
      const d = decoding.createDecoder(frame);
      if (decoding.readVarUint(d) === MessageType.saveRequest) log.requests.set(decoding.readVarUint(d), log.sent.length);
    } catch {
      // not ours to judge
    }
  }

  private onReceived(frame: Uint8Array): void {
    try {
      const d = decoding.createDecoder(frame);
      if (decoding.readVarUint(d) !== MessageType.sync || decoding.readVarUint(d) !== SyncType.update) return;
      this.relaysReceived++;
      this.opts.relayed?.addOnce(decoding.readVarUint8Array(d));
      this.opts.onAck?.("relay");
    } catch {
      // a frame the provider will complain about itself
    }
  }

  private onSaved(id: number): void {
    const waiter = this.waiters.get(id);
    const ws = waiter?.ws ?? this.ws;
    const log = ws ? this.logs.get(ws) : undefined;
    const upTo = log?.requests.get(id);
    if (log && upTo !== undefined) {
      for (let i = log.ackedUpTo; i < upTo; i++) if (log.sent[i].update) this.acked.add(log.sent[i].update!);
      log.ackedUpTo = Math.max(log.ackedUpTo, upTo);
    }
    this.waiters.delete(id);
    waiter?.resolve(true);
    this.opts.onAck?.("saved");
  }

  private onSocketClosed(ws: WebSocket): void {
    for (const [id, w] of this.waiters) {
      if (w.ws !== ws) continue;
      this.waiters.delete(id);
      w.resolve(false);
    }
    // Frames sent on a dead socket can never be acknowledged; drop their bodies.
    this.logs.delete(ws);
  }
}

// --- the database's copy -------------------------------------------------------------------------

/** The board as stored: snapshot and update rows applied to a fresh document. */
export async function storedDoc(databaseUrl: string, boardId: string): Promise<{ doc: Y.Doc; rows: number; snapshotBytes: number }> {
  const db = await openDatabase(databaseUrl);
  try {
    const stored = await new PrismaDocStore(db.prisma).load(boardId);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u.data);
    return { doc, rows: stored.updates.length, snapshotBytes: stored.snapshot?.length ?? 0 };
  } finally {
    await db.close();
  }
}

/** State vector as a plain sorted object, for readable assertion diffs. */
export function stateVectorOf(doc: Y.Doc): Record<string, number> {
  const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
  return Object.fromEntries([...sv.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => [String(k), v]));
}

/** JSON with object keys sorted: replicas insert map keys in different orders. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export interface NormalForm {
  stateVector: string;
  json: string;
  board: string;
}

/**
 * A canonical form of a document for comparisons: its state vector, the full JSON of every
 * shared type and the board read from it, each as a canonical string. Two replicas of one Yjs
 * document hold the same items but may encode them differently (the delete set's order and
 * how adjacent structs were merged depend on the order updates arrived in, and garbage
 * collection of deleted content depends on when a replica saw the deletion), so
 * "byte-identical" is checked on this normal form after re-encoding through a fresh document.
 */
export function normalForm(doc: Y.Doc): NormalForm {
  const rebuilt = new Y.Doc();
  Y.applyUpdate(rebuilt, Y.encodeStateAsUpdate(doc));
  const form = {
    stateVector: canonicalJson(stateVectorOf(rebuilt)),
    json: canonicalJson({
      meta: rebuilt.getMap("meta").toJSON(),
      players: rebuilt.getMap("players").toJSON(),
      channels: rebuilt.getMap("channels").toJSON(),
    }),
    board: canonicalJson(readBoard(rebuilt)),
  };
  rebuilt.destroy();
  return form;
}

/** Expects two normal forms to be equal; on a difference, shows the first differing part readably. */
export function expectSameForm(actual: NormalForm, expected: NormalForm, expectFn: (a: unknown) => { toEqual(b: unknown): void }, label: string): void {
  for (const part of ["stateVector", "json", "board"] as const) {
    if (actual[part] !== expected[part]) expectFn({ [label]: JSON.parse(actual[part]) }).toEqual({ [label]: JSON.parse(expected[part]) });
  }
}

/**
 * What two replicas must share to hold the same content: the state vector and the delete set.
 * State vectors alone miss a deletion still on its way (a delete-only update changes no clock).
 */
export function contentKey(doc: Y.Doc): Buffer {
  return Buffer.from(Y.encodeSnapshot(Y.snapshot(doc)));
}
