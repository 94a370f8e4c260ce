/** The owner replaces the edit, view and owner links (R-REVOKE); every role reads the links it may give out. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server";
import { connectClient, createBoard, whenSynced } from "../helpers/clients";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const rotate = (boardId: string, token: string, body: unknown = {}) =>
  fetch(`${server.url}/api/boards/${boardId}/tokens`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("link rotation", () => {
  it("closes live connections of the old links within 5 s and refuses the old links afterwards (R-REVOKE)", async () => {
    const board = await createBoard(server.url);
    const editor = connectClient(server.wsUrl, board.id, board.editToken);
    const viewer = connectClient(server.wsUrl, board.id, board.viewToken);
    const owner = connectClient(server.wsUrl, board.id, board.ownerToken);
    await Promise.all([whenSynced(editor), whenSynced(viewer), whenSynced(owner)]);
    const closes: number[] = [];
    for (const c of [editor, viewer]) c.provider.on("connection-close", (e) => e && closes.push(e.code));
    const started = Date.now();
    const res = await rotate(board.id, board.ownerToken);
    expect(res.status).toBe(200);
    const fresh = await res.json();
    expect(fresh.editToken).not.toBe(board.editToken);
    expect(fresh.viewToken).not.toBe(board.viewToken);
    while (closes.length < 2 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 20));
    expect(closes).toEqual([4401, 4401]);
    // The owner's own connection was not touched.
    expect(owner.provider.wsconnected).toBe(true);
    expect((await fetch(`${server.url}/api/boards/${board.id}/answers?t=${board.editToken}`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/boards/${board.id}/answers?t=${fresh.viewToken}`)).status).toBe(200);
    const again = connectClient(server.wsUrl, board.id, fresh.editToken);
    await whenSynced(again);
    for (const c of [editor, viewer, owner, again]) c.destroy();
  });

  it("rotates only the links asked for", async () => {
    const board = await createBoard(server.url);
    const res = await rotate(board.id, board.ownerToken, { roles: ["viewer"] });
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(["closedConnections", "viewToken"]);
    expect((await fetch(`${server.url}/api/boards/${board.id}/answers?t=${board.editToken}`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/boards/${board.id}/answers?t=${board.viewToken}`)).status).toBe(401);
  });

  it("lets only the owner rotate: 403 for an editor, 401 without a token", async () => {
    const board = await createBoard(server.url);
    expect((await rotate(board.id, board.editToken)).status).toBe(403);
    expect((await fetch(`${server.url}/api/boards/${board.id}/tokens`, { method: "POST" })).status).toBe(401);
    expect((await rotate(board.id, board.ownerToken, { roles: ["admin"] })).status).toBe(400);
  });

  it("replaces the owner link: the old one gets 401 and its connections close, the new one is the owner and still shows the same edit and view links", async () => {
    const board = await createBoard(server.url);
    const oldOwner = connectClient(server.wsUrl, board.id, board.ownerToken);
    const editor = connectClient(server.wsUrl, board.id, board.editToken);
    await Promise.all([whenSynced(oldOwner), whenSynced(editor)]);
    const res = await rotate(board.id, board.ownerToken, { roles: ["owner"] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ownerToken: string; closedConnections: number; editToken?: string };
    expect(body.ownerToken).toMatch(/^[\w-]{32,}$/);
    expect(body.ownerToken).not.toBe(board.ownerToken);
    expect(body.editToken).toBeUndefined();
    expect(body.closedConnections).toBe(1);
    await new Promise<void>((resolve) => {
      const check = () => (oldOwner.provider.wsconnected ? setTimeout(check, 50) : resolve());
      check();
    });
    expect((await shareable(board.id, board.ownerToken)).status).toBe(401);
    expect(await (await shareable(board.id, body.ownerToken)).json()).toEqual({ role: "owner", editToken: board.editToken, viewToken: board.viewToken });
    // The other links, and their connections, are untouched; the new owner link connects.
    expect(editor.provider.wsconnected).toBe(true);
    expect((await shareable(board.id, board.editToken)).status).toBe(200);
    const newOwner = connectClient(server.wsUrl, board.id, body.ownerToken);
    await whenSynced(newOwner);
    // All three at once: each old link is refused, each new one grants its role.
    const all = (await (await rotate(board.id, body.ownerToken, { roles: ["owner", "editor", "viewer"] })).json()) as { ownerToken: string; editToken: string; viewToken: string };
    for (const old of [body.ownerToken, board.editToken, board.viewToken]) expect((await shareable(board.id, old)).status).toBe(401);
    expect(await (await shareable(board.id, all.ownerToken)).json()).toEqual({ role: "owner", editToken: all.editToken, viewToken: all.viewToken });
    for (const c of [oldOwner, editor, newOwner]) c.destroy();
  });
});

const shareable = (boardId: string, token?: string) =>
  fetch(`${server.url}/api/boards/${boardId}/tokens`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe("the links a role may give out (GET /api/boards/{id}/tokens)", () => {
  it("shows the owner the edit and view links, an editor and a viewer only the view link", async () => {
    const board = await createBoard(server.url);
    const owner = await shareable(board.id, board.ownerToken);
    expect(owner.status).toBe(200);
    expect(owner.headers.get("cache-control")).toBe("no-store");
    expect(await owner.json()).toEqual({ role: "owner", editToken: board.editToken, viewToken: board.viewToken });
    expect(await (await shareable(board.id, board.editToken)).json()).toEqual({ role: "editor", viewToken: board.viewToken });
    expect(await (await shareable(board.id, board.viewToken)).json()).toEqual({ role: "viewer", viewToken: board.viewToken });
    // Also with the token in the query, as every board route takes it.
    expect((await fetch(`${server.url}/api/boards/${board.id}/tokens?t=${board.editToken}`)).status).toBe(200);
  });

  it("refuses a missing or wrong token, and another board's token", async () => {
    const board = await createBoard(server.url);
    const other = await createBoard(server.url);
    expect((await shareable(board.id)).status).toBe(401);
    expect((await shareable(board.id, "x".repeat(32))).status).toBe(401);
    expect((await shareable(board.id, other.ownerToken)).status).toBe(401);
  });

  it("shows the replaced links once the owner replaces them, to the owner and to the kept edit link", async () => {
    const board = await createBoard(server.url);
    const fresh = await (await rotate(board.id, board.ownerToken, { roles: ["viewer"] })).json();
    expect(await (await shareable(board.id, board.ownerToken)).json()).toEqual({ role: "owner", editToken: board.editToken, viewToken: fresh.viewToken });
    expect(await (await shareable(board.id, board.editToken)).json()).toEqual({ role: "editor", viewToken: fresh.viewToken });
    expect((await shareable(board.id, board.viewToken)).status).toBe(401);
    const both = await (await rotate(board.id, board.ownerToken)).json();
    expect(await (await shareable(board.id, both.editToken)).json()).toEqual({ role: "editor", viewToken: both.viewToken });
    expect((await shareable(board.id, board.editToken)).status).toBe(401);
  });
});
