/**
 * One editor flooding a workshop round with answers, each without a participantId (the
 * issue: 440 answers, every client received 19 MB, 28 MB of update rows, then 4413 for the
 * next edit). Now a round takes at most MAX_ROUND_PARTICIPANTS, the document names at most
 * MAX_ANSWERED_NAMES of them, and an answer writes only that participant to the document.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import * as Y from "yjs";
import type WebSocket from "ws";
import { startServer, type RunningServer } from "../helpers/server";
import { connectClient, createBoard, waitFor, whenSynced } from "../helpers/clients";
import { MAX_ANSWERED_NAMES, playersOf, readRound, setTitle } from "../../lib/collab/boardDoc";
import { TEMPLATES } from "../../lib/valuechain/templates";

const LIMIT = 200;
const FLOOD = 440;

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({
    env: {
      MAX_ROUND_PARTICIPANTS: String(LIMIT),
      // Small enough that rewriting the whole list per answer (~1.3 MB for 200) would hit 4413.
      MAX_DOC_BYTES: String(1024 * 1024),
      // Every update row stays in DocUpdate, so its sum is all the flood wrote.
      COMPACT_AFTER_UPDATES: "1000000",
    },
  });
});
afterAll(() => server?.stop());

const call = (method: string, path: string, token: string, body?: unknown) =>
  fetch(`${server.url}/api/boards/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const dealer = TEMPLATES["building-products"].board.players.find((p) => p.kind === "retailer")!.id;

/** Rows and bytes of the board's update log, read from the server's own SQLite file. */
function updateLog(boardId: string): { rows: number; bytes: number } {
  const db = new Database(server.databaseUrl.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT count(*) AS rows, coalesce(sum(length(data)), 0) AS bytes FROM "DocUpdate" WHERE boardId = ?').get(boardId) as { rows: number; bytes: number };
  } finally {
    db.close();
  }
}

describe("a flooded workshop round", () => {
  it("refuses participants beyond the limit and keeps the document and what clients receive small", async () => {
    const board = await createBoard(server.url, { template: "building-products" });
    const watcher = connectClient(server.wsUrl, board.id, board.editToken);
    await whenSynced(watcher);
    const { id: rid } = await (await call("POST", `${board.id}/rounds`, board.ownerToken, { questions: ["customer"] })).json();
    await waitFor(() => readRound(watcher.doc)?.id === rid, 10_000, "round reaches the watcher");

    // Everything the watcher's socket receives from here on.
    const socket = watcher.provider.ws as unknown as WebSocket;
    let received = 0;
    // y-websocket reads binary frames as ArrayBuffer.
    socket.on("message", (data: ArrayBuffer | Buffer) => (received += data.byteLength));
    const before = updateLog(board.id);

    // The flood: 8 requests in flight at a time, so the limit is also tested under concurrency.
    const statuses: number[] = [];
    const codes = new Map<string, number>();
    const taken: { participantId: string; name: string }[] = [];
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < FLOOD) {
          const i = next++;
          const name = `Flood ${i}`;
          const res = await call("PUT", `${board.id}/rounds/${rid}/answers`, board.editToken, {
            participant: { name, function: "Sales" },
            answers: { customer: { [dealer]: { value: "yes" } } },
          });
          const body = await res.json();
          statuses.push(res.status);
          if (res.ok) taken.push({ participantId: body.participantId, name });
          else codes.set(body.error.code, (codes.get(body.error.code) ?? 0) + 1);
        }
      }),
    );
    const ms = Math.round(performance.now() - started);
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 409)).toHaveLength(FLOOD - LIMIT);
    expect([...codes]).toEqual([["round_full", FLOOD - LIMIT]]);

    await waitFor(() => readRound(watcher.doc)?.answeredCount === LIMIT, 10_000, "the count reaches the watcher");
    const round = readRound(watcher.doc)!;
    expect(round.answered).toHaveLength(MAX_ANSWERED_NAMES);
    expect(new Set(round.answered.map((a) => a.name)).size).toBe(MAX_ANSWERED_NAMES);
    const after = updateLog(board.id);
    const written = after.bytes - before.bytes;
    console.log(
      `flood of ${FLOOD} answers (${LIMIT} taken) in ${ms} ms: the other client received ${received} bytes; ` +
        `${after.rows - before.rows} update rows, ${written} bytes written; the whole document ${Y.encodeStateAsUpdate(watcher.doc).length} bytes`,
    );
    // Rewriting the whole list per answer sent and wrote ~1 MB for these 200; per participant it is ~15 KB.
    expect(received).toBeLessThan(200 * 1024);
    expect(written).toBeLessThan(200 * 1024);
    expect(watcher.provider.ws).toBe(socket);

    // An existing participant can still change their answer (and their name); a new one cannot.
    const first = taken[0];
    const listed = await (await call("GET", `${board.id}/rounds/${rid}`, board.viewToken)).json();
    expect(listed.answered).toHaveLength(LIMIT);
    const firstRef = (listed.answered as { ref: string; name: string }[]).find((a) => a.name === first.name)!.ref;
    // Among the first to answer, so among the names the document lists.
    expect(round.answered).toContainEqual({ ref: firstRef, name: first.name, function: "Sales" });
    const same = { participantId: first.participantId, participant: { name: first.name, function: "Sales" }, answers: { customer: { [dealer]: { value: "no" } } } };
    const rowsBefore = updateLog(board.id).rows;
    expect((await call("PUT", `${board.id}/rounds/${rid}/answers`, board.editToken, same)).status).toBe(200);
    // Same name and function: the document is not written at all.
    expect(updateLog(board.id).rows).toBe(rowsBefore);
    const renamed = await call("PUT", `${board.id}/rounds/${rid}/answers`, board.editToken, { ...same, participant: { name: "Ann Renamed", function: "Finance" } });
    expect(renamed.status).toBe(200);
    await waitFor(() => readRound(watcher.doc)?.answered.some((a) => a.ref === firstRef && a.name === "Ann Renamed" && a.function === "Finance") ?? false, 10_000, "the new name reaches the watcher");
    expect(updateLog(board.id).rows).toBe(rowsBefore + 1);
    const late = await call("PUT", `${board.id}/rounds/${rid}/answers`, board.editToken, { participant: { name: "Late", function: "Sales" }, answers: {} });
    expect(late.status).toBe(409);
    expect((await late.json()).error).toMatchObject({ code: "round_full", message: expect.stringContaining(String(LIMIT)) });

    // A fresh editor joins and edits: accepted (no 4413), and it reaches the watcher.
    const fresh = connectClient(server.wsUrl, board.id, board.editToken);
    const closes: number[] = [];
    fresh.provider.on("connection-close", (event: CloseEvent | null) => event && closes.push(event.code));
    await whenSynced(fresh);
    expect(readRound(fresh.doc)).toMatchObject({ id: rid, answeredCount: LIMIT });
    setTitle(fresh.doc, "After the flood");
    playersOf(fresh.doc).get(dealer)!.set("x", 4242);
    await waitFor(() => playersOf(watcher.doc).get(dealer)?.get("x") === 4242, 10_000, "the fresh editor's edit reaches the watcher");
    expect(closes).toEqual([]);

    // The facilitator drops a listed participant: the next one moves into the names.
    expect((await call("DELETE", `${board.id}/rounds/${rid}/participants/${firstRef}`, board.ownerToken)).status).toBe(204);
    await waitFor(() => readRound(watcher.doc)?.answeredCount === LIMIT - 1, 10_000, "the drop reaches the watcher");
    const dropped = readRound(watcher.doc)!;
    expect(dropped.answered).toHaveLength(MAX_ANSWERED_NAMES);
    expect(dropped.answered.some((a) => a.ref === firstRef)).toBe(false);
    expect((await call("PUT", `${board.id}/rounds/${rid}/answers`, board.editToken, { participant: { name: "Now there is room", function: "Sales" }, answers: {} })).status).toBe(200);

    fresh.destroy();
    watcher.destroy();
  });
});
