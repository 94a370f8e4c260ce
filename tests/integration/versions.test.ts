/** Versions end to end: the real server, its database and live clients. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server";
import { connectClient, createBoard, waitFor, whenSynced } from "../helpers/clients";
import { addPlayer, readBoard, updatePlayer } from "../../lib/collab/boardDoc";
import { makePlayer } from "../../lib/valuechain/model";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { ROOM_IDLE_UNLOAD_MS: "60000" } });
});
afterAll(() => server?.stop());

const api = (path: string, token: string, init: { method?: string; body?: unknown } = {}) =>
  fetch(`${server.url}/api/boards/${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

describe("versions", () => {
  it("saves, compares and restores, and every connected client follows the restore", async () => {
    const board = await createBoard(server.url, { template: "building-products" });
    const a = connectClient(server.wsUrl, board.id, board.editToken);
    const b = connectClient(server.wsUrl, board.id, board.ownerToken);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    const original = readBoard(a.doc);

    const saved = await api(`${board.id}/versions`, board.editToken, { method: "POST", body: { name: "FY27 — before workshop", author: "Maria" } });
    expect(saved.status).toBe(201);
    const v1 = await saved.json();
    expect(v1).toMatchObject({ name: "FY27 — before workshop", id: expect.any(String), createdAt: expect.any(String) });

    addPlayer(a.doc, makePlayer({ id: "wholesaler", name: "Wholesaler", kind: "wholesaler", x: 400, y: 600 }));
    updatePlayer(a.doc, original.players[1].id, { name: "Renamed" });
    await waitFor(() => readBoard(b.doc).players.length === original.players.length + 1, 10_000, "edit reaches b");
    await new Promise((r) => setTimeout(r, 100));

    const cmp = await (await api(`${board.id}/compare?from=${v1.id}&to=live`, board.viewToken)).json();
    expect(cmp.players.added.map((p: { id: string }) => p.id)).toEqual(["wholesaler"]);
    expect(cmp.players.changed).toEqual([{ id: original.players[1].id, changes: [{ field: "name", before: original.players[1].name, after: "Renamed" }] }]);

    const restored = await api(`${board.id}/versions/${v1.id}/restore`, board.editToken, { method: "POST", body: { author: "Maria" } });
    expect(restored.status).toBe(200);
    const { backup } = await restored.json();
    expect(backup).toMatchObject({ auto: true, name: expect.stringContaining("FY27") });
    await waitFor(() => JSON.stringify(readBoard(a.doc)) === JSON.stringify(original) && JSON.stringify(readBoard(b.doc)) === JSON.stringify(original), 10_000, "both clients on the restored state");

    // Nothing was destroyed: the state before the restore is a version of its own.
    const before = await (await api(`${board.id}/versions/${backup.id}`, board.viewToken)).json();
    expect(before.players.map((p: { id: string }) => p.id)).toContain("wholesaler");
    const list = (await (await api(`${board.id}/versions`, board.viewToken)).json()).versions;
    expect(list.map((v: { id: string }) => v.id)).toEqual([backup.id, v1.id]);
    expect(Object.keys(list[0]).sort()).toEqual(["author", "auto", "createdAt", "id", "name", "note"]);
    a.destroy();
    b.destroy();
  });

  it("keeps an automatic version when the last participant leaves a board that changed", async () => {
    const board = await createBoard(server.url);
    const a = connectClient(server.wsUrl, board.id, board.editToken);
    await whenSynced(a);
    addPlayer(a.doc, makePlayer({ id: "p1", name: "Us", kind: "manufacturer", isUs: true }));
    await new Promise((r) => setTimeout(r, 200));
    a.destroy();
    let versions: { id: string; auto: boolean; name: string }[] = [];
    const deadline = Date.now() + 10_000;
    while (!versions.length && Date.now() < deadline) {
      versions = (await (await api(`${board.id}/versions`, board.viewToken)).json()).versions;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(versions).toEqual([expect.objectContaining({ auto: true })]);
    const file = await (await api(`${board.id}/versions/${versions[0].id}`, board.viewToken)).json();
    expect(file.players).toEqual([expect.objectContaining({ id: "p1", isUs: true })]);
  });

  it("thins automatic versions to the last 20 (plus one a day) and never thins named ones", async () => {
    const board = await createBoard(server.url, { template: "software-resellers" });
    const named = await (await api(`${board.id}/versions`, board.editToken, { method: "POST", body: { name: "Named" } })).json();
    for (let i = 0; i < 23; i++) {
      expect((await api(`${board.id}/versions/${named.id}/restore`, board.editToken, { method: "POST", body: {} })).status).toBe(200);
    }
    const versions = (await (await api(`${board.id}/versions`, board.viewToken)).json()).versions as { id: string; auto: boolean }[];
    expect(versions.filter((v) => v.auto)).toHaveLength(20);
    expect(versions.filter((v) => !v.auto).map((v) => v.id)).toEqual([named.id]);
  });

  it("lets a viewer read versions but not save, restore, rename or delete them", async () => {
    const board = await createBoard(server.url);
    const v = await (await api(`${board.id}/versions`, board.ownerToken, { method: "POST", body: { name: "v" } })).json();
    expect((await api(`${board.id}/versions`, board.viewToken)).status).toBe(200);
    expect((await api(`${board.id}/versions`, board.viewToken, { method: "POST", body: { name: "x" } })).status).toBe(403);
    expect((await api(`${board.id}/versions/${v.id}/restore`, board.viewToken, { method: "POST", body: {} })).status).toBe(403);
    expect((await api(`${board.id}/versions/${v.id}`, board.viewToken, { method: "PATCH", body: { name: "y" } })).status).toBe(403);
    expect((await api(`${board.id}/versions/${v.id}`, board.editToken, { method: "DELETE" })).status).toBe(403);
    expect((await api(`${board.id}/versions/${v.id}`, board.editToken, { method: "PATCH", body: { name: "Renamed" } })).status).toBe(200);
    expect((await api(`${board.id}/versions/${v.id}`, board.ownerToken, { method: "DELETE" })).status).toBe(204);
    expect((await api(`${board.id}/versions/${v.id}`, board.ownerToken)).status).toBe(404);
  });

  it("never reaches a version of another board with this board's token (404)", async () => {
    const mine = await createBoard(server.url);
    const theirs = await createBoard(server.url);
    const v = await (await api(`${theirs.id}/versions`, theirs.editToken, { method: "POST", body: { name: "secret" } })).json();
    expect((await api(`${mine.id}/versions/${v.id}`, mine.ownerToken)).status).toBe(404);
    expect((await api(`${mine.id}/versions/${v.id}/restore`, mine.ownerToken, { method: "POST", body: {} })).status).toBe(404);
    expect((await api(`${mine.id}/compare?from=${v.id}&to=live`, mine.ownerToken)).status).toBe(404);
    expect((await api(`${mine.id}/versions/${v.id}`, mine.ownerToken, { method: "DELETE" })).status).toBe(404);
    expect((await api(`${theirs.id}/versions/${v.id}`, mine.ownerToken)).status).toBe(401);
  });
});
