/**
 * Capacity under hostile load, against the real server: one address or link cannot hold
 * every board (R-ADMIT), idle boards make room before anyone is refused and a board in use is
 * never the one refused (R-ROOMS), and board memory is bounded per board and per process
 * (R-BUDGET). Other local addresses (127.0.0.2, …) stand for other machines.
 */
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import WebSocket from "ws";
import { addPlayer, playersOf, readBoard, updatePlayer } from "../../lib/collab/boardDoc";
import { makePlayer } from "../../lib/valuechain/model";
import { CloseCode, SyncType } from "../../lib/collab/protocol";
import { type RunningServer } from "../helpers/server";
import { waitFor } from "../helpers/clients";
import { TrackedClient, healthz, sleep, startServerWhenBuilt } from "../helpers/chaos";
import { createBoardInDb } from "../helpers/seedBoards";
import { RawSocket, syncFrame } from "../helpers/rawSocket";
import { serverMemoryMB } from "../helpers/load";

const servers: RunningServer[] = [];
const clients: TrackedClient[] = [];
const sockets: RawSocket[] = [];
const track = (c: TrackedClient) => (clients.push(c), c);

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of sockets) s.terminate();
  await Promise.all(servers.map((s) => s.stop()));
});

async function start(env: Record<string, string>): Promise<RunningServer> {
  const server = await startServerWhenBuilt({ env });
  servers.push(server);
  return server;
}

/** Opens a socket from `address`; resolves with the socket, or with the HTTP status of a refusal. */
async function openFrom(server: RunningServer, boardId: string, token: string, address: string): Promise<RawSocket | number> {
  try {
    const s = await RawSocket.open(`${server.wsUrl}/${boardId}?t=${token}`, {}, { localAddress: address } as WebSocket.ClientOptions);
    sockets.push(s);
    return s;
  } catch (err) {
    return (err as { status?: number }).status ?? 0;
  }
}

/** An owner who keeps working: a new player every 150 ms, seen by a colleague. */
function keepWorking(server: RunningServer, board: { id: string; editToken: string }) {
  const owner = track(new TrackedClient(server.wsUrl, board.id, board.editToken));
  const colleague = track(new TrackedClient(server.wsUrl, board.id, board.editToken));
  let running = true;
  let edits = 0;
  let worstMs = 0;
  let failure: unknown = null;
  const loop = (async () => {
    await waitFor(() => owner.provider.synced && colleague.provider.synced, 20_000, "owner and colleague sync");
    while (running) {
      const id = `work-${edits++}`;
      const sent = performance.now();
      addPlayer(owner.doc, makePlayer({ id, name: id, kind: "retailer" }));
      await waitFor(() => playersOf(colleague.doc).has(id), 20_000, `${id} reaches the colleague`);
      worstMs = Math.max(worstMs, performance.now() - sent);
      await sleep(150);
    }
  })().catch((err) => (failure = err));
  return {
    owner,
    async stop() {
      running = false;
      await loop;
      if (failure) throw failure;
      return { edits, worstMs };
    },
  };
}

describe("one source cannot lock others out (R-ADMIT, R-ROOMS)", () => {
  it("bounds boards per address, evicts idle boards before refusing anyone, never refuses a board in use, and answers 503 with Retry-After when full", async () => {
    const server = await start({ MAX_LOADED_BOARDS: "8", MAX_BOARDS_PER_ADDRESS: "3", ROOM_EVICT_IDLE_MS: "4000" });
    const ownBoard = await createBoardInDb(server.databaseUrl, "In use");
    const work = keepWorking(server, ownBoard);
    const boards = [];
    for (let i = 0; i < 14; i++) boards.push(await createBoardInDb(server.databaseUrl, `Anonymous ${i}`));

    // One address: three boards, then 429 at the upgrade for a fourth.
    const fromOne = await Promise.all(boards.slice(0, 4).map((b) => openFrom(server, b.id, b.editToken, "127.0.0.2")));
    expect(fromOne.filter((s) => typeof s === "number")).toEqual([429]);

    // Three more addresses fill the process: 1 board in use + 7 held idle = 8; the next is refused (4503).
    const held: RawSocket[] = fromOne.filter((s): s is RawSocket => typeof s !== "number");
    for (const [i, address] of ["127.0.0.3", "127.0.0.4"].entries()) {
      for (const b of boards.slice(4 + i * 2, 6 + i * 2)) {
        const s = await openFrom(server, b.id, b.editToken, address);
        expect(typeof s).not.toBe("number");
        held.push(s as RawSocket);
      }
    }
    await waitFor(() => held.every((s) => s.received.length > 0), 10_000, "attackers' boards load");
    const refused = await openFrom(server, boards[8].id, boards[8].editToken, "127.0.0.5");
    expect(typeof refused).not.toBe("number");
    expect((await (refused as RawSocket).waitClosed(5000))?.code).toBe(CloseCode.overloaded);
    // Over HTTP the same refusal is a 503 with Retry-After, never a 500.
    const busy = await fetch(`${server.url}/api/boards/${boards[9].id}/export?t=${boards[9].editToken}`);
    expect(busy.status).toBe(503);
    expect(Number(busy.headers.get("retry-after"))).toBeGreaterThan(0);
    // The board in use answers throughout.
    expect((await fetch(`${server.url}/api/boards/${ownBoard.id}/export?t=${ownBoard.editToken}`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/boards/${ownBoard.id}/answers?t=${ownBoard.editToken}`)).status).toBe(200);

    // Once the held boards have been idle for ROOM_EVICT_IDLE_MS, newcomers take their place.
    await sleep(4500);
    const newcomer = track(new TrackedClient(server.wsUrl, boards[10].id, boards[10].editToken));
    await waitFor(() => newcomer.provider.synced, 10_000, "newcomer's board loads after an eviction");
    expect((await fetch(`${server.url}/api/boards/${boards[11].id}/export?t=${boards[11].editToken}`)).status).toBe(200);
    await waitFor(() => held.filter((s) => s.closed?.code === CloseCode.goingAway).length >= 2, 5000, "idle boards evicted with 1001");

    const { edits, worstMs } = await work.stop();
    console.log(`lock-out: board in use made ${edits} edits while 3 addresses held 7 idle boards, slowest ${worstMs.toFixed(0)} ms; 429 for a 4th board from one address; 4503 / 503 while full; evicted ${held.filter((s) => s.closed?.code === CloseCode.goingAway).length} idle boards for 2 newcomers`);
    expect(edits).toBeGreaterThan(10);
    expect(readBoard(work.owner.doc).players.length).toBe(edits);
  }, 120_000);

  it("bounds connections per address and per link (429 with Retry-After at the upgrade)", async () => {
    const server = await start({ MAX_CONNECTIONS_PER_ADDRESS: "5", MAX_CONNECTIONS_PER_TOKEN: "7" });
    const board = await createBoardInDb(server.databaseUrl, "Crowded");
    const fromOne = [];
    for (let i = 0; i < 6; i++) fromOne.push(await openFrom(server, board.id, board.editToken, "127.0.0.2"));
    expect(fromOne.map((s) => (typeof s === "number" ? s : 101))).toEqual([101, 101, 101, 101, 101, 429]);
    const fromOther = [];
    for (let i = 0; i < 3; i++) fromOther.push(await openFrom(server, board.id, board.editToken, "127.0.0.3"));
    expect(fromOther.map((s) => (typeof s === "number" ? s : 101))).toEqual([101, 101, 429]);
    // Closing frees the place at once.
    (fromOne[0] as RawSocket).close();
    await sleep(300);
    expect(typeof (await openFrom(server, board.id, board.editToken, "127.0.0.3"))).not.toBe("number");
  }, 60_000);
});

/** Sends updates of `entries` new one-key entries until the server closes the socket. */
async function fill(socket: RawSocket, entries: number, maxUpdates = 400): Promise<number | null> {
  const doc = new Y.Doc();
  const junk = doc.getMap<number>("junk");
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  for (let n = 0; n < maxUpdates && !socket.closed; n++) {
    doc.transact(() => {
      for (let i = 0; i < entries; i++) junk.set(`k${n}-${i}`, i);
    });
    socket.send(syncFrame(SyncType.update, updates.shift()!));
    await sleep(20);
  }
  return (await socket.waitClosed(5000))?.code ?? null;
}

describe("memory per board and per process (R-BUDGET)", () => {
  it("refuses growth past MAX_DOC_MEMORY_BYTES with 4413, keeps that board loadable and editable, and refuses new boards before the heap runs out", async () => {
    const server = await start({ MAX_DOC_MEMORY_BYTES: String(8 * 1024 * 1024), MAX_HEAP_BYTES: String(220 * 1024 * 1024), MAX_BOARDS_PER_ADDRESS: "100" });
    const ownBoard = await createBoardInDb(server.databaseUrl, "In use");
    const work = keepWorking(server, ownBoard);
    const before = await serverMemoryMB(server.url);

    // One board filled to its budget: refused with 4413, and still usable by its people.
    const full = await createBoardInDb(server.databaseUrl, "Filled");
    const filler = await openFrom(server, full.id, full.editToken, "127.0.0.2");
    expect(await fill(filler as RawSocket, 3000)).toBe(CloseCode.documentTooLarge);
    const user = track(new TrackedClient(server.wsUrl, full.id, full.editToken));
    await waitFor(() => user.provider.synced, 20_000, "the full board loads and syncs");
    const junkEntries = user.doc.getMap("junk").size;
    expect(junkEntries).toBeGreaterThan(10_000);
    user.doc.transact(() => {
      const junk = user.doc.getMap("junk");
      for (const key of [...junk.keys()].slice(0, 3000)) junk.delete(key);
    });
    addPlayer(user.doc, makePlayer({ id: "kept", name: "Still editable", kind: "manufacturer" }));
    await user.saveAll();
    updatePlayer(user.doc, "kept", { name: "Still editable at the limit" });
    await user.saveAll();

    // Many such boards from many addresses: refused (4503 to load, 1013 to grow) before the heap is spent.
    const outcomes = new Map<number | string, number>();
    let boardsFilled = 0;
    let peakHeap = 0;
    for (let i = 0; i < 60; i++) {
      const b = await createBoardInDb(server.databaseUrl, `Filler ${i}`);
      const s = await openFrom(server, b.id, b.editToken, `127.0.1.${1 + (i % 50)}`);
      const code = typeof s === "number" ? `http ${s}` : await fill(s, 3000);
      outcomes.set(code ?? "open", (outcomes.get(code ?? "open") ?? 0) + 1);
      if (code === CloseCode.documentTooLarge) boardsFilled++;
      peakHeap = Math.max(peakHeap, (await serverMemoryMB(server.url)).heapMB);
      if (code === CloseCode.overloaded) break;
    }
    const { status, body } = await healthz(server.url, 10_000);
    expect(status).toBe(200);
    expect(server.proc.exitCode).toBeNull();
    const { edits, worstMs } = await work.stop();
    const after = await serverMemoryMB(server.url);
    console.log(
      `memory: heap ${before.heapMB.toFixed(0)} MB before, peak ${peakHeap.toFixed(0)} MB, ${after.heapMB.toFixed(0)} MB after (budget 220 MB for new boards); ${boardsFilled} boards filled to 8 MiB estimated (${junkEntries} entries each); outcomes ${JSON.stringify(Object.fromEntries(outcomes))}; board in use made ${edits} edits, slowest ${worstMs.toFixed(0)} ms; ${body?.loadedBoards} boards loaded`,
    );
    expect(outcomes.get(CloseCode.overloaded) ?? 0).toBeGreaterThan(0);
    expect(edits).toBeGreaterThan(10);
  }, 300_000);
});
