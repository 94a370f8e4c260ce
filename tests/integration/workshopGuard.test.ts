/**
 * The server owns the workshop (R-WORKSHOP), proved with stock y-websocket clients: an
 * editor's writes to the round status, the spotlight or the pause change nothing on the
 * server or on anyone else's screen, and during a pause another editor's update reaches
 * nobody until the pause ends, after which every document is identical.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addPlayer, playersOf, readRound, readSpotlight, workshopOf } from "../../lib/collab/boardDoc";
import { makePlayer } from "../../lib/valuechain/model";
import { type RunningServer } from "../helpers/server";
import { createBoard, waitFor } from "../helpers/clients";
import { TrackedClient, sleep, startServerWhenBuilt, storedDoc } from "../helpers/chaos";

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

const api = (path: string, token: string, method = "GET", body?: unknown) =>
  fetch(`${server.url}/api/boards/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

/** Every value the workshop map held on this client, as it changed. */
function recordWorkshop(client: TrackedClient): string[] {
  const seen: string[] = [];
  workshopOf(client.doc).observeDeep(() => seen.push(JSON.stringify(workshopOf(client.doc).toJSON())));
  return seen;
}

describe("the server owns the workshop (R-WORKSHOP)", () => {
  it("ignores an editor's writes to the round status, the spotlight and the pause: not on the server, not on other clients, and the forger's copy is put back", async () => {
    const board = await createBoard(server.url);
    const start = await api(`${board.id}/rounds`, board.ownerToken, "POST", { questions: ["customer"], lockEditing: false });
    expect(start.status).toBe(201);
    const forger = track(new TrackedClient(server.wsUrl, board.id, board.editToken));
    const observer = track(new TrackedClient(server.wsUrl, board.id, board.editToken));
    await waitFor(() => forger.provider.synced && observer.provider.synced && readRound(observer.doc) !== null, 10_000, "sync");
    const seen = recordWorkshop(observer);
    const honest = JSON.stringify(workshopOf(observer.doc).toJSON());

    const round = readRound(forger.doc)!;
    forger.doc.transact(() => {
      workshopOf(forger.doc).set("round", { ...round, status: "revealed", lockEditing: true });
      workshopOf(forger.doc).set("spotlight", { clientId: forger.doc.clientID, name: "Mallory", since: new Date().toISOString() });
    });
    await forger.saveAll();
    // Later edits of the forger still apply (no gap in its clock).
    addPlayer(forger.doc, makePlayer({ id: "after-forgery", name: "After", kind: "retailer" }));
    await waitFor(() => playersOf(observer.doc).has("after-forgery"), 5000, "the forger's next edit");
    await waitFor(() => readRound(forger.doc)?.status === "open" && readSpotlight(forger.doc) === null, 5000, "the forger's copy is put back");

    expect(seen.every((s) => !s.includes("Mallory") && !s.includes('"status":"revealed"'))).toBe(true);
    expect(JSON.stringify(workshopOf(observer.doc).toJSON())).toBe(honest);
    const { doc: stored } = await storedDoc(server.databaseUrl, board.id);
    expect(readRound(stored)?.status).toBe("open");
    expect(readSpotlight(stored)).toBeNull();
    const view = await (await api(`${board.id}/rounds/${(await start.json()).id}`, board.editToken)).json();
    expect(view.status).toBe("open");

    // The owner's spotlight goes through the server and reaches everyone.
    expect((await api(`${board.id}/spotlight`, board.editToken, "PUT", { clientId: 1, name: "Editor" })).status).toBe(403);
    expect((await api(`${board.id}/spotlight`, board.ownerToken, "PUT", { clientId: 7, name: "Facilitator" })).status).toBe(204);
    await waitFor(() => readSpotlight(observer.doc)?.name === "Facilitator" && readSpotlight(forger.doc)?.name === "Facilitator", 5000, "spotlight");
    // …and an editor cannot end it either.
    forger.doc.transact(() => workshopOf(forger.doc).delete("spotlight"));
    await forger.saveAll();
    await sleep(300);
    expect(readSpotlight(observer.doc)?.name).toBe("Facilitator");
    await waitFor(() => readSpotlight(forger.doc)?.name === "Facilitator", 5000, "forger's spotlight restored");
  }, 60_000);

  it("holds another editor's update during a pause, unseen by anyone, and applies it when the pause ends; every document ends identical", async () => {
    const board = await createBoard(server.url);
    const owner = track(new TrackedClient(server.wsUrl, board.id, board.ownerToken));
    const editor = track(new TrackedClient(server.wsUrl, board.id, board.editToken));
    const observer = track(new TrackedClient(server.wsUrl, board.id, board.editToken));
    await waitFor(() => owner.provider.synced && editor.provider.synced && observer.provider.synced, 10_000, "sync");
    const start = await api(`${board.id}/rounds`, board.ownerToken, "POST", { questions: ["customer"], lockEditing: true });
    const { id: rid } = await start.json();
    await waitFor(() => readRound(editor.doc)?.lockEditing === true && readRound(observer.doc) !== null, 5000, "round reaches everyone");

    addPlayer(editor.doc, makePlayer({ id: "held-1", name: "Held one", kind: "installer" }));
    addPlayer(editor.doc, makePlayer({ id: "held-2", name: "Held two", kind: "installer" }));
    // SAVED does not come while the update is held: it is not in the board yet.
    expect(await Promise.race([editor.requestSaved(), sleep(1000).then(() => "waiting")])).toBe("waiting");
    // The facilitator can still edit.
    addPlayer(owner.doc, makePlayer({ id: "by-owner", name: "By the facilitator", kind: "manufacturer" }));
    await waitFor(() => playersOf(observer.doc).has("by-owner") && playersOf(editor.doc).has("by-owner"), 5000, "owner's edit");
    expect(playersOf(observer.doc).has("held-1") || playersOf(owner.doc).has("held-1")).toBe(false);
    const { doc: during } = await storedDoc(server.databaseUrl, board.id);
    expect(playersOf(during).has("held-1")).toBe(false);

    expect((await api(`${board.id}/rounds/${rid}/close`, board.ownerToken, "POST")).status).toBe(200);
    await waitFor(() => ["held-1", "held-2"].every((id) => playersOf(observer.doc).has(id) && playersOf(owner.doc).has(id)), 5000, "held edits after the pause");
    await editor.saveAll();
    const { doc: stored } = await storedDoc(server.databaseUrl, board.id);
    const vector = (d: Y.Doc) => JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(d))].sort());
    await waitFor(() => vector(owner.doc) === vector(stored) && vector(editor.doc) === vector(stored) && vector(observer.doc) === vector(stored), 5000, "identical state vectors");
    expect([...playersOf(stored).keys()].sort()).toEqual(["by-owner", "held-1", "held-2"]);
  }, 60_000);
});
