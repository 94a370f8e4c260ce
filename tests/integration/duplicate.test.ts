/** POST /api/boards/{id}/duplicate against the real server: a new board, new links, the same content; a template leaves the workshop behind. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server";
import { createBoard } from "../helpers/clients";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const call = (method: string, path: string, token?: string, body?: unknown) =>
  fetch(`${server.url}/api/boards/${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });

/** A template board with one revealed round and one comment thread. */
async function boardWithWorkshop() {
  const board = await createBoard(server.url, { template: "building-products" });
  const file = await (await call("GET", `${board.id}/export`, board.viewToken)).json();
  const { id: rid } = await (await call("POST", `${board.id}/rounds`, board.ownerToken, { questions: ["customer"] })).json();
  const dealer = file.players[0].id;
  for (const [name, value] of [["Ada", "yes"], ["Ben", "no"]]) {
    expect((await call("PUT", `${board.id}/rounds/${rid}/answers`, board.editToken, { participant: { name, function: "Sales" }, answers: { customer: { [dealer]: { value } } } })).status).toBe(200);
  }
  expect((await call("POST", `${board.id}/rounds/${rid}/reveal`, board.ownerToken)).status).toBe(200);
  const withThread = { ...file, comments: [{ id: "t1", target: { player: dealer }, resolved: false, messages: [{ id: "m1", author: { name: "Ada" }, text: "Customer?", at: "2026-11-28T10:00:00.000Z" }] }] };
  // The thread goes in through an import, the one way a file's threads reach a board over HTTP.
  const imported = await (await fetch(`${server.url}/api/boards/import`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(withThread) })).json();
  return { board, file, rid, imported };
}

describe("POST /api/boards/{id}/duplicate", () => {
  it("makes a new board with new links and the same content, rounds included", async () => {
    const { board, file } = await boardWithWorkshop();
    const res = await call("POST", `${board.id}/duplicate`, board.editToken, {});
    expect(res.status).toBe(201);
    const copy = await res.json();
    expect(Object.keys(copy).sort()).toEqual(["editToken", "id", "ownerToken", "title", "viewToken"]);
    expect(copy.id).not.toBe(board.id);
    expect([copy.ownerToken, copy.editToken, copy.viewToken]).not.toContain(board.ownerToken);
    expect(await (await call("GET", `${copy.id}/export`, copy.viewToken)).json()).toEqual(file);
    // The original's tokens open nothing on the copy.
    expect((await call("GET", `${copy.id}/export`, board.ownerToken)).status).toBe(401);
    const rounds = await (await call("GET", `${copy.id}/rounds`, copy.ownerToken)).json();
    expect(JSON.stringify(rounds)).toContain("revealed");
  });

  it("as a template keeps the chain and leaves rounds and threads behind; a title can be given", async () => {
    const { imported } = await boardWithWorkshop();
    const plain = await (await call("POST", `${imported.id}/duplicate`, imported.editToken, {})).json();
    expect((await (await call("GET", `${plain.id}/export`, plain.viewToken)).json()).comments).toHaveLength(1);
    const res = await call("POST", `${imported.id}/duplicate`, imported.editToken, { asTemplate: true, title: "FY28 template" });
    expect(res.status).toBe(201);
    const template = await res.json();
    const file = await (await call("GET", `${template.id}/export`, template.viewToken)).json();
    expect(file.title).toBe("FY28 template");
    expect(file).not.toHaveProperty("comments");
    expect(file.players.length).toBeGreaterThan(0);
  });

  it("copies no rounds as a template", async () => {
    const { board } = await boardWithWorkshop();
    const template = await (await call("POST", `${board.id}/duplicate`, board.editToken, { asTemplate: true })).json();
    const rounds = await (await call("GET", `${template.id}/rounds`, template.ownerToken)).json();
    expect(JSON.stringify(rounds)).not.toContain("revealed");
  });

  it("needs an editor's token and a well-formed body", async () => {
    const board = await createBoard(server.url, {});
    expect((await call("POST", `${board.id}/duplicate`, undefined, {})).status).toBe(401);
    expect((await call("POST", `${board.id}/duplicate`, board.viewToken, {})).status).toBe(403);
    const bad = await call("POST", `${board.id}/duplicate`, board.editToken, { asTemplate: "yes" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ path: "asTemplate" });
    const unknown = await call("POST", `${board.id}/duplicate`, board.editToken, { colour: "red" });
    expect(unknown.status).toBe(400);
  });
});
