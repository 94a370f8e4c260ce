/**
 * Presence against the real server process: a dropped user's presence id stays theirs, so a
 * view link cannot show its state under it while they are away (R-AWARENESS-OWN), and a board
 * flooded with presence by view-link sockets sends every participant and every newcomer a
 * bounded number of bytes, while document edits keep flowing (R-AWARENESS-BATCH).
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as decoding from "lib0/decoding";
import { addPlayer, playersOf } from "../../lib/collab/boardDoc";
import { makePlayer } from "../../lib/valuechain/model";
import { MessageType } from "../../lib/collab/protocol";
import { decodeAwarenessUpdate, type AwarenessEntry } from "../../server/collab/awarenessFilter";
import { DEFAULT_PRESENCE_LIMITS } from "../../server/collab/presence";
import { type RunningServer } from "../helpers/server";
import { waitFor } from "../helpers/clients";
import { TrackedClient, sleep, startServerWhenBuilt } from "../helpers/chaos";
import { createBoardInDb } from "../helpers/seedBoards";
import { RawSocket, awarenessFrame, awarenessUpdate } from "../helpers/rawSocket";

let server: RunningServer;
const clients: TrackedClient[] = [];
const sockets: RawSocket[] = [];
const track = (c: TrackedClient) => (clients.push(c), c);
const open = async (url: string) => {
  const sock = await RawSocket.open(url);
  sockets.push(sock);
  return sock;
};

beforeAll(async () => {
  server = await startServerWhenBuilt();
}, 11 * 60_000);

afterAll(async () => {
  for (const s of sockets) s.terminate();
  for (const c of clients) c.destroy();
  await server?.stop();
});

/** A browser's presence key, as lib/collab/session.ts makes it: 128 random bits. */
const browserKey = () => randomBytes(16).toString("base64url");

const isAwareness = (f: Uint8Array) => f[0] === MessageType.awareness;

function entriesOf(frame: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(frame);
  decoding.readVarUint(d);
  return decodeAwarenessUpdate(decoding.readVarUint8Array(d));
}

/** Every awareness entry a socket received (from frame `from` on), in arrival order. */
function awarenessEntries(sock: RawSocket, from = 0): AwarenessEntry[] {
  return sock.received.slice(from).filter(isAwareness).flatMap(entriesOf);
}

function awarenessBytes(sock: RawSocket, from = 0): number {
  return sock.received.slice(from).filter(isAwareness).reduce((n, f) => n + f.length, 0);
}

const received = (sock: RawSocket) => Buffer.concat(sock.received).toString("latin1");

describe("a presence id stays with the browser that claimed it (R-AWARENESS-OWN)", () => {
  it("drops a view link's claims on a dropped user's id, while the user is away and after they return with the same key: a third participant and a newcomer only ever see the user's own states (R-AWARENESS-OWN)", async () => {
    const board = await createBoardInDb(server.databaseUrl);
    const user = track(new TrackedClient(server.wsUrl, board.id, board.editToken, { params: { k: browserKey() } }));
    const third = await open(`${server.wsUrl}/${board.id}?t=${board.viewToken}&k=${browserKey()}`);
    const id = user.doc.clientID;
    const userStates = () => awarenessEntries(third).filter((e) => e.clientId === id);
    user.provider.awareness.setLocalStateField("user", { name: "Ulla", color: "#0a0" });
    await waitFor(() => user.provider.synced && userStates().some((e) => e.state.includes("Ulla")), 10_000, "third participant sees the user");

    // The user's connection drops (no goodbye, unlike provider.disconnect(), which clears the
    // user's state first), and stays away until reconnected below. Everyone sees the user leave.
    user.provider.shouldConnect = false;
    user.ws!.terminate();
    await waitFor(() => userStates().at(-1)?.state === "null", 5000, "user's state removed");
    const clock = Math.max(...userStates().map((e) => e.clock));

    let ownId = 900_000_000;
    const claimUsersId = async (round: string) => {
      // A view link without a key, one with its own key, and the user's own (edit) link from
      // the same address but without the user's key.
      for (const query of [`t=${board.viewToken}`, `t=${board.viewToken}&k=${browserKey()}`, `t=${board.editToken}`]) {
        const attacker = await open(`${server.wsUrl}/${board.id}?${query}`);
        attacker.send(awarenessFrame(awarenessUpdate([{ clientId: id, clock: clock + 100, state: `{"user":{"name":"Mallory ${round}","color":"#f00"}}` }])));
        // Its own id is relayed: proof that the server has read the claim above.
        const own = ++ownId;
        attacker.send(awarenessFrame(awarenessUpdate([{ clientId: own, clock: 1, state: '{"user":{"name":"Attacker"}}' }])));
        await waitFor(() => awarenessEntries(third).some((e) => e.clientId === own), 5000, `attacker's own state relayed (${query})`);
        expect(attacker.closed).toBeNull();
      }
    };

    await claimUsersId("while away");
    // Back with the same browser key: the id is the user's again.
    user.provider.connect();
    await waitFor(() => user.provider.synced, 10_000, "user reconnects");
    expect(userStates().at(-1)?.state).toBe("null");
    user.provider.awareness.setLocalStateField("user", { name: "Ulla again", color: "#0a0" });
    await waitFor(() => userStates().at(-1)?.state.includes("Ulla again") ?? false, 5000, "third participant sees the user's own state again");
    await claimUsersId("after return");

    const newcomer = await open(`${server.wsUrl}/${board.id}?t=${board.viewToken}`);
    const full = await newcomer.waitFor(isAwareness, 5000);
    expect(entriesOf(full!).find((e) => e.clientId === id)?.state).toContain("Ulla again");
    for (const sock of [third, newcomer]) expect(received(sock)).not.toContain("Mallory");
    const names = userStates().map((e) => (JSON.parse(e.state) as { user?: { name?: string } } | null)?.user?.name ?? null);
    expect(new Set(names)).toEqual(new Set(["Ulla", null, "Ulla again"]));
    expect(names.at(-1)).toBe("Ulla again");
  });
});

describe("presence is bounded per connection, per board and in bytes per second (R-AWARENESS-OWN, R-AWARENESS-BATCH)", () => {
  it("100 view-link sockets × 4 ids flooding presence: a participant and a newcomer receive a bounded number of bytes, and document edits keep syncing throughout (R-AWARENESS-BATCH)", async () => {
    const SOCKETS = 100;
    const IDS = 4;
    const ATTACK_MS = 4000;
    const budget = DEFAULT_PRESENCE_LIMITS.maxPresenceBytesPerSecond;
    const board = await createBoardInDb(server.databaseUrl);
    const editor = track(new TrackedClient(server.wsUrl, board.id, board.editToken, { params: { k: browserKey() } }));
    const observer = track(new TrackedClient(server.wsUrl, board.id, board.editToken, { params: { k: browserKey() } }));
    editor.provider.awareness.setLocalStateField("user", { name: "Editor" });
    observer.provider.awareness.setLocalStateField("user", { name: "Observer" });
    const participant = await open(`${server.wsUrl}/${board.id}?t=${board.viewToken}`);
    // Stock clients echo every awareness message whole; an echo over MAX_AWARENESS_BYTES would get them closed.
    const closes: string[] = [];
    const watchCloses = (name: string, c: TrackedClient) => c.provider.on("connection-close", (e) => closes.push(`${name} ${e?.code}`));
    watchCloses("editor", editor);
    watchCloses("observer", observer);
    const seenBy = (sock: RawSocket, clientId: number) => awarenessEntries(sock).some((e) => e.clientId === clientId);
    await waitFor(
      () => editor.provider.synced && observer.provider.synced && seenBy(participant, editor.doc.clientID) && seenBy(participant, observer.doc.clientID),
      10_000,
      "everyone synced and present",
    );

    const attackers = await Promise.all(Array.from({ length: SOCKETS }, () => open(`${server.wsUrl}/${board.id}?t=${board.viewToken}`)));
    const ids = attackers.map((_, s) => Array.from({ length: IDS }, (_, i) => 1_000_000 + s * IDS + i));
    const pad = "x".repeat(3700); // 400 such states are the 1.5 MB
    const from = participant.received.length;
    const started = performance.now();

    // A normal user keeps editing; every edit must reach the other user promptly.
    const latencies: number[] = [];
    const editing = (async () => {
      for (let n = 0; performance.now() - started < ATTACK_MS + 1000; n++) {
        const t0 = performance.now();
        addPlayer(editor.doc, makePlayer({ id: `edit${n}`, name: `Edit ${n}`, kind: "other" }));
        await waitFor(() => playersOf(observer.doc).has(`edit${n}`), 5000, `edit ${n} reaches the other user`);
        latencies.push(performance.now() - t0);
        await sleep(100);
      }
    })();
    let attempted = 0;
    let firstRound = 0;
    for (let round = 1; performance.now() - started < ATTACK_MS; round++) {
      for (const [s, attacker] of attackers.entries()) {
        const update = awarenessUpdate(ids[s].map((clientId) => ({ clientId, clock: round, state: `{"user":{"name":"Flood ${round}"},"pad":"${pad}"}` })));
        attempted += update.length;
        attacker.send(awarenessFrame(update));
      }
      if (round === 1) firstRound = attempted;
      await sleep(250);
    }
    await editing;
    const seconds = (performance.now() - started) / 1000;
    const participantBytes = awarenessBytes(participant, from);

    const newcomerOpened = performance.now();
    const newcomer = await open(`${server.wsUrl}/${board.id}?t=${board.viewToken}`);
    // The full state comes right after sync step 1, in messages of at most MAX_AWARENESS_BYTES,
    // each id once; the relays that follow only repeat ids.
    await newcomer.waitFor(isAwareness, 5000);
    await sleep(200);
    const fullFrames: Uint8Array[] = [];
    const fullIds: number[] = [];
    for (const frame of newcomer.received.filter(isAwareness)) {
      const frameIds = entriesOf(frame).map((e) => e.clientId);
      if (frameIds.some((id) => fullIds.includes(id))) break;
      fullFrames.push(frame);
      fullIds.push(...frameIds);
    }
    const fullBytes = fullFrames.reduce((n, f) => n + f.length, 0);
    const stockNewcomer = track(new TrackedClient(server.wsUrl, board.id, board.viewToken, { params: { k: browserKey() } }));
    watchCloses("stock newcomer", stockNewcomer);
    await waitFor(() => stockNewcomer.provider.synced, 10_000, "a stock client joins the flooded board");
    await sleep(2000);
    const newcomerBytes = awarenessBytes(newcomer);
    const newcomerSeconds = (performance.now() - newcomerOpened) / 1000;

    const kB = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
    console.log(
      [
        `presence flood: ${SOCKETS} view sockets × ${IDS} ids, ${(seconds).toFixed(1)} s`,
        `  attackers sent ${kB(attempted)} of presence (${kB(firstRound)} per round; unbounded, every participant would receive about that, and a newcomer ${kB(firstRound)} at once)`,
        `  participant received ${kB(participantBytes)} of presence (${kB(participantBytes / seconds)}/s; budget ${kB(budget)}/s)`,
        `  newcomer: full state ${kB(fullBytes)} for ${fullIds.length} ids (${fullFrames.length} messages), ${kB(newcomerBytes)} of presence in its first 2 s`,
        `  edits: ${latencies.length}, slowest reached the other user in ${Math.max(...latencies).toFixed(0)} ms`,
      ].join("\n"),
    );

    // One second of burst, then the budget, plus at most one state of overshoot.
    expect(participantBytes).toBeLessThanOrEqual(budget * (seconds + 1) + 16 * 1024);
    expect(fullIds.length).toBeLessThanOrEqual(DEFAULT_PRESENCE_LIMITS.maxPresencePerBoard);
    expect(fullBytes).toBeLessThan(DEFAULT_PRESENCE_LIMITS.maxPresencePerBoard * (pad.length + 100));
    // The full state, then the budget for as long as it listened (longer on a busy machine).
    expect(newcomerBytes).toBeLessThanOrEqual(fullBytes + budget * (newcomerSeconds + 1) + 16 * 1024);
    const largest = Math.max(...[participant, newcomer].flatMap((sock) => sock.received.filter(isAwareness).map((f) => f.length)));
    expect(largest).toBeLessThanOrEqual(DEFAULT_PRESENCE_LIMITS.maxAwarenessBytes + 8);
    expect(closes).toEqual([]);
    // The people who were there keep their presence; no socket holds more than 2 ids.
    expect(fullIds).toEqual(expect.arrayContaining([editor.doc.clientID, observer.doc.clientID]));
    expect(Math.max(...ids.map((list) => list.filter((id) => fullIds.includes(id)).length))).toBeLessThanOrEqual(2);
    expect(latencies.length).toBeGreaterThan(10);
    expect(Math.max(...latencies)).toBeLessThan(2000);
    for (const a of attackers) expect(a.closed).toBeNull();
  }, 60_000);
});
