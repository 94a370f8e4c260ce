/**
 * Security of the collaboration endpoint against the real server process: view tokens
 * cannot write (R-VIEWER), the upgrade refuses bad tokens and foreign origins (R-AUTH),
 * awareness cannot be spoofed (R-AWARENESS-OWN), oversized frames are refused (1009), and
 * SAVED is only ever sent for what the database already holds (R-SAVED).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import Database from "better-sqlite3";
import { addPlayer, movePlayers, playersOf, readBoard, updatePlayer } from "../../lib/collab/boardDoc";
import { makePlayer } from "../../lib/valuechain/model";
import { encodeSaveRequest, SyncType } from "../../lib/collab/protocol";
import { openDatabase } from "../../server/db/database";
import { type RunningServer } from "../helpers/server";
import { waitFor } from "../helpers/clients";
import { Coverage, TrackedClient, healthz, sleep, startServerWhenBuilt, storedDoc } from "../helpers/chaos";
import { createBoardInDb } from "../helpers/seedBoards";
import { RawSocket, awarenessFrame, awarenessUpdate, isSaved, syncFrame } from "../helpers/rawSocket";

let server: RunningServer;
const clients: TrackedClient[] = [];
const track = (c: TrackedClient) => (clients.push(c), c);

beforeAll(async () => {
  server = await startServerWhenBuilt();
}, 11 * 60_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.stop();
});

/** The board's rows exactly as stored: snapshot bytes and every update row. */
async function storedRows(boardId: string): Promise<{ snapshot: string; rows: { id: number; data: Buffer }[] }> {
  const db = await openDatabase(server.databaseUrl);
  try {
    const snap = await db.prisma.docSnapshot.findUnique({ where: { boardId } });
    const rows = await db.prisma.docUpdate.findMany({ where: { boardId }, orderBy: { id: "asc" }, select: { id: true, data: true } });
    return { snapshot: Buffer.from(snap?.state ?? []).toString("base64"), rows: rows.map((r) => ({ id: r.id, data: Buffer.from(r.data) })) };
  } finally {
    await db.close();
  }
}

/** HTTP status of a websocket upgrade (101 when it opened). */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return RawSocket.open(url, headers).then(
    (sock) => (sock.terminate(), 101),
    (err: { status?: number }) => err.status ?? 0,
  );
}

describe("view tokens cannot write (R-VIEWER)", () => {
  it("drops all of a viewer's 1,000+ write frames, live and offline edits pushed on reconnect: 0 bytes change in the database, 0 broadcasts reach an observer (R-VIEWER)", async () => {
    const board = await createBoardInDb(server.databaseUrl, "Read only");
    const editor = track(new TrackedClient(server.wsUrl, board.id, board.editToken));
    const observer = track(new TrackedClient(server.wsUrl, board.id, board.editToken));
    await waitFor(() => editor.provider.synced && observer.provider.synced, 10_000, "sync");
    addPlayer(editor.doc, makePlayer({ id: "real", name: "Real", kind: "manufacturer" }));
    await waitFor(() => playersOf(observer.doc).has("real"), 5000, "observer sees the editor");
    await editor.saveAll();
    const before = await storedRows(board.id);
    const relaysBefore = observer.relaysReceived;

    const viewer = track(new TrackedClient(server.wsUrl, board.id, board.viewToken));
    await waitFor(() => viewer.provider.synced, 10_000, "viewer sync");
    // Live edits, paced under MAX_MESSAGES_PER_SECOND (300/s) so the viewer is not closed for rate.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 200; i++) {
        const n = round * 200 + i;
        if (n % 3 === 0) addPlayer(viewer.doc, makePlayer({ id: `v${n}`, name: "Viewer write", kind: "other" }));
        else if (n % 3 === 1) updatePlayer(viewer.doc, "real", { name: `Hijacked ${n}` });
        else movePlayers(viewer.doc, [{ id: "real", x: n, y: n }]);
      }
      await sleep(800);
    }
    // Offline edits: made while disconnected, pushed in the sync step 2 of the reconnect.
    viewer.provider.disconnect();
    for (let i = 0; i < 100; i++) addPlayer(viewer.doc, makePlayer({ id: `offline${i}`, name: "Offline viewer write", kind: "other" }));
    viewer.provider.connect();
    await waitFor(() => viewer.provider.synced, 10_000, "viewer reconnects");
    // Hand-made write frames on a raw viewer socket: updates and step 2s of a foreign client.
    const raw = await RawSocket.open(`${server.wsUrl}/${board.id}?t=${board.viewToken}`);
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(editor.doc));
    const forged: Uint8Array[] = [];
    forger.on("update", (u: Uint8Array) => forged.push(u));
    for (let i = 0; i < 400; i++) updatePlayer(forger, "real", { name: `Forged ${i}` });
    for (let i = 0; i < forged.length; i++) {
      raw.send(syncFrame(i % 2 ? SyncType.update : SyncType.step2, forged[i]));
      if (i % 200 === 199) await sleep(800);
    }
    expect(await raw.probe(5000)).toBe("answered");
    raw.close();
    const writeFrames = viewer.writesSent + raw.sent;
    expect(writeFrames).toBeGreaterThanOrEqual(1000);

    // A later editor change proves the server processed everything the viewer sent before.
    addPlayer(editor.doc, makePlayer({ id: "marker", name: "Marker", kind: "other" }));
    await waitFor(() => playersOf(observer.doc).has("marker"), 5000, "marker relayed");
    await editor.saveAll();

    const after = await storedRows(board.id);
    expect(after.snapshot).toBe(before.snapshot);
    expect(after.rows.slice(0, before.rows.length)).toEqual(before.rows);
    // The only new rows are the editor's marker.
    const added = new Coverage();
    for (const r of after.rows.slice(before.rows.length)) added.add(r.data);
    expect([...added.clocks.keys()]).toEqual([editor.doc.clientID]);
    // The observer received exactly the marker, and nothing of the viewer's clients.
    expect(observer.relaysReceived - relaysBefore).toBe(1);
    const observed = Y.decodeStateVector(Y.encodeStateVector(observer.doc));
    expect(observed.has(viewer.doc.clientID)).toBe(false);
    expect(observed.has(forger.clientID)).toBe(false);
    expect(readBoard(observer.doc).players.map((p) => [p.id, p.name])).toEqual([["marker", "Marker"], ["real", "Real"]]);
  }, 60_000);
});

describe("the upgrade checks token and origin before any websocket opens (R-AUTH)", () => {
  it("answers 401 to a missing, malformed, wrong, foreign-board or revoked token, and opens no connection (R-AUTH)", async () => {
    const board = await createBoardInDb(server.databaseUrl);
    const other = await createBoardInDb(server.databaseUrl);
    const before = (await healthz(server.url)).body?.connections;
    const url = `${server.wsUrl}/${board.id}`;
    expect(await upgradeStatus(url)).toBe(401);
    expect(await upgradeStatus(`${url}?t=`)).toBe(401);
    expect(await upgradeStatus(`${url}?t=not-a-token`)).toBe(401);
    expect(await upgradeStatus(`${url}?t=${"A".repeat(32)}`)).toBe(401);
    expect(await upgradeStatus(`${url}?t=${other.editToken}`)).toBe(401);
    expect(await upgradeStatus(url, { authorization: "Bearer nope" })).toBe(401);
    expect(await upgradeStatus(`${server.wsUrl}/..%2F..%2Fetc%2Fpasswd?t=${board.editToken}`)).toBe(401);
    // A replaced link stops working.
    const res = await fetch(`${server.url}/api/boards/${board.id}/tokens`, {
      method: "POST",
      headers: { authorization: `Bearer ${board.ownerToken}`, "content-type": "application/json" },
      body: JSON.stringify({ roles: ["editor"] }),
    });
    expect(res.status).toBe(200);
    expect(await upgradeStatus(`${url}?t=${board.editToken}`)).toBe(401);
    expect(await upgradeStatus(`${url}?t=${board.viewToken}`)).toBe(101);
    await sleep(100);
    expect((await healthz(server.url)).body?.connections).toBe(before);
  });

  it("answers 403 to a foreign browser Origin and lets the server's own origin and origin-less clients in (R-AUTH)", async () => {
    const board = await createBoardInDb(server.databaseUrl);
    const url = `${server.wsUrl}/${board.id}?t=${board.editToken}`;
    expect(await upgradeStatus(url, { origin: "https://evil.example.com" })).toBe(403);
    expect(await upgradeStatus(url, { origin: "https://board.example.com" })).toBe(403);
    expect(await upgradeStatus(url, { origin: "null" })).toBe(403);
    expect(await upgradeStatus(url, { origin: `http://127.0.0.1:${server.port}` })).toBe(101);
    expect(await upgradeStatus(url)).toBe(101);
    // The origin is checked before the token: a foreign page learns nothing about tokens.
    expect(await upgradeStatus(`${server.wsUrl}/${board.id}?t=wrong`, { origin: "https://evil.example.com" })).toBe(403);
  });

  it("lets origins listed in ALLOWED_ORIGINS in, and still refuses the others (R-AUTH)", async () => {
    const allowed = await startServerWhenBuilt({ env: { ALLOWED_ORIGINS: "https://board.example.com, https://other.example.org" } });
    try {
      const board = await createBoardInDb(allowed.databaseUrl);
      const url = `${allowed.wsUrl}/${board.id}?t=${board.editToken}`;
      expect(await upgradeStatus(url, { origin: "https://board.example.com" })).toBe(101);
      expect(await upgradeStatus(url, { origin: "https://other.example.org" })).toBe(101);
      expect(await upgradeStatus(url, { origin: `http://127.0.0.1:${allowed.port}` })).toBe(101);
      expect(await upgradeStatus(url, { origin: "https://evil.example.com" })).toBe(403);
      expect(await upgradeStatus(url, { origin: "https://board.example.com.evil.example.com" })).toBe(403);
      expect(await upgradeStatus(`${allowed.wsUrl}/${board.id}?t=wrong`, { origin: "https://board.example.com" })).toBe(401);
    } finally {
      await allowed.stop();
    }
  }, 11 * 60_000);
});

describe("awareness belongs to the connection that set it (R-AWARENESS-OWN)", () => {
  it("drops another connection's client id: the victim's state seen by a third client is unchanged, and the spoofer is not closed (R-AWARENESS-OWN)", async () => {
    const board = await createBoardInDb(server.databaseUrl);
    const victim = track(new TrackedClient(server.wsUrl, board.id, board.editToken));
    const third = track(new TrackedClient(server.wsUrl, board.id, board.viewToken));
    // (A provider's initial empty state has clock 0, which y-protocols peers never accept; a
    // state set by the app has clock ≥ 1.)
    victim.provider.awareness.setLocalStateField("user", { name: "Victim", color: "#0a0" });
    third.provider.awareness.setLocalStateField("user", { name: "Third" });
    await waitFor(() => victim.provider.synced && third.provider.synced, 10_000, "sync");
    const seen = () => third.provider.awareness.getStates().get(victim.doc.clientID) as { user?: { name?: string } } | undefined;
    await waitFor(() => seen()?.user?.name === "Victim", 5000, "third client sees the victim");
    await waitFor(() => victim.provider.awareness.getStates().has(third.doc.clientID), 5000, "victim sees the third client");
    const clock = () => third.provider.awareness.meta.get(victim.doc.clientID)?.clock ?? 0;

    for (const [round, token] of [board.editToken, board.viewToken].entries()) {
      const own = 4242 + round;
      const spoofer = await RawSocket.open(`${server.wsUrl}/${board.id}?t=${token}`);
      const id = victim.doc.clientID;
      spoofer.send(awarenessFrame(awarenessUpdate([{ clientId: id, clock: clock() + 10, state: '{"user":{"name":"Mallory","color":"#f00"}}' }])));
      spoofer.send(awarenessFrame(awarenessUpdate([{ clientId: id, clock: clock() + 20, state: "null" }])));
      spoofer.send(awarenessFrame(awarenessUpdate([{ clientId: third.doc.clientID, clock: 1000, state: '{"user":{"name":"Mallory"}}' }])));
      // Its own id is fine and relayed: proof that the server read the frames above first.
      spoofer.send(awarenessFrame(awarenessUpdate([{ clientId: own, clock: 1, state: '{"user":{"name":"Spoofer"}}' }])));
      await waitFor(() => third.provider.awareness.getStates().has(own), 5000, "spoofer's own state relayed");
      expect(seen()?.user?.name).toBe("Victim");
      expect(victim.provider.awareness.getStates().get(third.doc.clientID)).toEqual({ user: { name: "Third" } });
      expect(spoofer.closed).toBeNull();
      spoofer.close();
      await waitFor(() => !third.provider.awareness.getStates().has(own), 5000, "spoofer's state removed when it leaves");
    }
    // The victim's own updates still arrive.
    victim.provider.awareness.setLocalStateField("user", { name: "Victim 2", color: "#0a0" });
    await waitFor(() => seen()?.user?.name === "Victim 2", 5000, "victim's update");
  });
});

describe("frame size limit", () => {
  it("closes a 10 MiB frame with 1009 (MAX_MESSAGE_BYTES) and stays healthy for everyone else", async () => {
    const board = await createBoardInDb(server.databaseUrl);
    const healthyClient = track(new TrackedClient(server.wsUrl, board.id, board.editToken));
    await waitFor(() => healthyClient.provider.synced, 10_000, "sync");
    const sock = await RawSocket.open(`${server.wsUrl}/${board.id}?t=${board.editToken}`);
    const big = new Uint8Array(10 * 1024 * 1024);
    big.set(syncFrame(SyncType.update, new Uint8Array(16)).subarray(0, 3));
    sock.ws.send(big, () => {});
    const closed = await sock.waitClosed(5000);
    expect(closed?.code).toBe(1009);
    expect((await healthz(server.url)).status).toBe(200);
    const late = track(new TrackedClient(server.wsUrl, board.id, board.editToken));
    await waitFor(() => late.provider.synced, 10_000, "a client joins after the big frame");
    addPlayer(healthyClient.doc, makePlayer({ id: "after-big", name: "After", kind: "other" }));
    await waitFor(() => playersOf(late.doc).has("after-big"), 5000, "edits still flow");
  });
});

describe("SAVED means stored (R-SAVED)", () => {
  /** Reads the database file directly, synchronously, at the moment SAVED arrives. */
  function openReader(): { stored: (boardId: string) => Y.Doc; close: () => void } {
    const file = server.databaseUrl.slice("file:".length);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    const snap = db.prepare('SELECT state FROM "DocSnapshot" WHERE boardId = ?');
    const rows = db.prepare('SELECT data FROM "DocUpdate" WHERE boardId = ? ORDER BY id');
    return {
      stored(boardId) {
        const doc = new Y.Doc();
        const s = snap.get(boardId) as { state: Buffer } | undefined;
        if (s) Y.applyUpdate(doc, s.state);
        for (const r of rows.all(boardId) as { data: Buffer }[]) Y.applyUpdate(doc, r.data);
        return doc;
      },
      close: () => db.close(),
    };
  }

  it("sends SAVED only once the update is in the database: a read at the moment SAVED arrives finds it, 60 times in a row (R-SAVED, R-COMMIT)", async () => {
    const board = await createBoardInDb(server.databaseUrl);
    const reader = openReader();
    const sock = await RawSocket.open(`${server.wsUrl}/${board.id}?t=${board.editToken}`);
    const doc = new Y.Doc();
    try {
      await sock.handshake(doc);
      const updates: Uint8Array[] = [];
      doc.on("update", (u: Uint8Array) => updates.push(u));
      const missingAtSaved: string[] = [];
      let saved = 0;
      sock.ws.on("message", (data: Buffer) => {
        const frame = new Uint8Array(data);
        if (!isSaved(frame)) return;
        // Synchronously, before anything else runs: what does the database hold right now?
        const stored = reader.stored(board.id);
        const cov = new Coverage();
        for (const u of updates) cov.add(u);
        missingAtSaved.push(...cov.missingFrom(stored));
        stored.destroy();
        saved++;
      });
      for (let i = 0; i < 60; i++) {
        const from = updates.length;
        for (let k = 0; k <= i % 4; k++) addPlayer(doc, makePlayer({ id: `s${i}-${k}`, name: `Saved ${i}`, kind: "other" }));
        for (const u of updates.slice(from)) sock.send(syncFrame(SyncType.update, u));
        sock.ws.send(encodeSaveRequest(i + 1));
        await sock.waitFor((f) => isSaved(f, i + 1), 5000);
      }
      expect(saved).toBe(60);
      expect(missingAtSaved).toEqual([]);
    } finally {
      sock.close();
      reader.close();
      doc.destroy();
    }
  });

  it("withholds SAVED while an update the connection sent waits for a missing earlier one, and sends it once both are stored (R-SAVED)", async () => {
    const board = await createBoardInDb(server.databaseUrl);
    const sock = await RawSocket.open(`${server.wsUrl}/${board.id}?t=${board.editToken}`);
    const doc = new Y.Doc();
    try {
      await sock.handshake(doc);
      const updates: Uint8Array[] = [];
      doc.on("update", (u: Uint8Array) => updates.push(u));
      addPlayer(doc, makePlayer({ id: "first", name: "First", kind: "other" }));
      updatePlayer(doc, "first", { name: "Second" });
      expect(updates).toHaveLength(2);
      // Like a client whose offline edit is still on its way: the second update arrives first.
      sock.send(syncFrame(SyncType.update, updates[1]));
      sock.ws.send(encodeSaveRequest(1));
      expect(await sock.waitFor((f) => isSaved(f, 1), 700)).toBeNull();
      const early = await storedDoc(server.databaseUrl, board.id);
      expect(playersOf(early.doc).has("first")).toBe(false);
      sock.send(syncFrame(SyncType.update, updates[0]));
      expect(await sock.waitFor((f) => isSaved(f, 1), 5000)).not.toBeNull();
      const stored = await storedDoc(server.databaseUrl, board.id);
      expect(readBoard(stored.doc).players.map((p) => [p.id, p.name])).toEqual([["first", "Second"]]);
    } finally {
      sock.close();
      doc.destroy();
    }
  });
});

