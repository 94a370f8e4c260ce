/**
 * A browser's live connection to one board: the Y.Doc, the stock y-websocket provider, the
 * IndexedDB copy that keeps offline edits and lets a reload show the last state while the
 * server is down, the undo manager that only ever undoes this person's own changes, and the
 * save tracker fed by the server's SAVED acknowledgements.
 */
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { IndexeddbPersistence } from "y-indexeddb";
import * as decoding from "lib0/decoding";
import { removeAwarenessStates } from "y-protocols/awareness";
import { channelsOf, metaOf, playersOf, repairDangling } from "./boardDoc";
import { BoardStore } from "./boardStore";
import { watchReplacedTexts } from "./textRescue";
import { createUndo, type BoardUndo } from "./undo";
import { SaveTracker } from "./saveStatus";
import { jitteredWebSocket, PERMANENT_CLOSE_CODES } from "./reconnect";
import { encodeSaveRequest, MessageType } from "./protocol";

const REPAIR_ORIGIN = Symbol("repair-dangling");

export interface BoardSession {
  doc: Y.Doc;
  /** The plain board, re-read incrementally as the document changes. */
  board: BoardStore;
  provider: WebsocketProvider;
  undo: BoardUndo;
  save: SaveTracker;
  /** Resolves once the IndexedDB copy is loaded (the board can render before the server answers). */
  whenLocalLoaded: Promise<void>;
  destroy(): void;
}

export function collabUrl(location: Location): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/collab`;
}

const PRESENCE_KEY_ITEM = "chainboard:presence-key";
let pagePresenceKey: string | null = null;

/**
 * 128 random bits, made once per browser and sent with every connection as `k`: after a
 * connection drops, the server gives its presence id back only to a connection with the same
 * key, so a view link cannot take it over meanwhile (R-AWARENESS-OWN). Without storage the key
 * lasts as long as the page, which still covers its reconnects.
 */
export function presenceKey(): string {
  try {
    const stored = localStorage.getItem(PRESENCE_KEY_ITEM);
    if (stored && /^[A-Za-z0-9_-]{22}$/.test(stored)) return stored;
  } catch {
    // storage disabled: keep the key for this page only
  }
  if (!pagePresenceKey) {
    const bits = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
    pagePresenceKey = bits.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  try {
    localStorage.setItem(PRESENCE_KEY_ITEM, pagePresenceKey);
  } catch {
    // as above
  }
  return pagePresenceKey;
}

export function openBoardSession(opts: { boardId: string; token: string; serverUrl: string; canEdit: boolean }): BoardSession {
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(`chainboard:${opts.boardId}`, doc);
  const backoff = { attempt: 0 };
  const provider = new WebsocketProvider(opts.serverUrl, opts.boardId, doc, {
    params: { t: opts.token, k: presenceKey() },
    // The jittered socket class does the real pacing (reconnect.ts); the provider's own,
    // jitter-free backoff is kept short so it adds little on top.
    WebSocketPolyfill: jitteredWebSocket(WebSocket, backoff),
    maxBackoffTime: 1000,
    shouldReconnect: (event) => !PERMANENT_CLOSE_CODES.has(event.code),
  });
  const board = new BoardStore(doc);
  const save = new SaveTracker();
  const undo = createUndo(doc);

  provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
    save.acknowledged(decoding.readVarUint(decoder));
  };

  let requestTimer: ReturnType<typeof setTimeout> | null = null;
  const requestSaved = () => {
    if (requestTimer) return;
    // Several keystrokes or drag steps share one confirmation request.
    requestTimer = setTimeout(() => {
      requestTimer = null;
      const id = save.nextRequest();
      if (id !== null && provider.ws?.readyState === WebSocket.OPEN) provider.ws.send(encodeSaveRequest(id) as Uint8Array<ArrayBuffer>);
    }, 50);
  };

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider || origin === local) return;
    save.localChange();
    requestSaved();
  };
  doc.on("update", onUpdate);
  provider.on("status", ({ status }) => save.setConnection(status));
  provider.on("closed", ({ code }) => save.refused(code));
  provider.on("sync", (synced: boolean) => {
    if (synced) backoff.attempt = 1;
    save.setSynced(synced);
    if (synced && opts.canEdit) repairDangling(doc, REPAIR_ORIGIN);
    requestSaved();
  });
  if (opts.canEdit) {
    // R-DANGLING: remove channels whose player another person deleted concurrently. The repair
    // has its own origin so that undo never brings a dangling channel back.
    const repair = () => queueMicrotask(() => provider.synced && repairDangling(doc, REPAIR_ORIGIN));
    channelsOf(doc).observe(repair);
    playersOf(doc).observe(repair);
  }
  const stopRescuing = opts.canEdit ? watchReplacedTexts([metaOf(doc), playersOf(doc) as Y.Map<unknown>, channelsOf(doc) as Y.Map<unknown>]) : () => {};
  // Leaving says so: the server then frees this page's presence id at once instead of keeping it
  // reserved for PRESENCE_RESERVE_MS in case the page reconnects (R-AWARENESS-OWN).
  const leavePresence = () => removeAwarenessStates(provider.awareness, [doc.clientID], "left");
  const onPageHide = (event: PageTransitionEvent) => {
    if (!event.persisted) leavePresence();
  };
  window.addEventListener("pagehide", onPageHide);

  return {
    doc,
    board,
    provider,
    undo,
    save,
    whenLocalLoaded: local.whenSynced.then(() => undefined),
    destroy() {
      if (requestTimer) clearTimeout(requestTimer);
      window.removeEventListener("pagehide", onPageHide);
      leavePresence();
      doc.off("update", onUpdate);
      stopRescuing();
      board.destroy();
      undo.destroy();
      provider.destroy();
      void local.destroy();
      doc.destroy();
    },
  };
}
