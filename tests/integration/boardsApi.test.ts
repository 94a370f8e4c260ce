/** The board HTTP API against the real server and its SQLite database. */
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server";
import { connectClient, createBoard, waitFor, whenSynced } from "../helpers/clients";
import { addPlayer } from "../../lib/collab/boardDoc";
import { makePlayer } from "../../lib/valuechain/model";
import { TEMPLATES } from "../../lib/valuechain/templates";
import { analyzeBoard } from "../../lib/valuechain/answers";
import { toBoardFile } from "../../lib/valuechain/schema";

let server: RunningServer;
/** Rows in the server's own database, read beside it (SQLite WAL allows a second reader). */
function boardCount(): number {
  const db = new Database(server.databaseUrl.slice("file:".length), { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM "Board"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const get = (path: string, token?: string) =>
  fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const post = (path: string, body: unknown, raw = false) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: raw ? (body as string) : JSON.stringify(body),
  });

describe("POST /api/boards", () => {
  it("creates a board with three distinct tokens of at least 128 bits", async () => {
    const res = await post("/api/boards", { title: "FY27 review" });
    expect(res.status).toBe(201);
    const b = await res.json();
    expect(b).toMatchObject({ id: expect.any(String), title: "FY27 review" });
    const tokens = [b.ownerToken, b.editToken, b.viewToken];
    expect(new Set(tokens).size).toBe(3);
    for (const t of tokens) expect(Buffer.from(t, "base64url").length).toBeGreaterThanOrEqual(16);
  });

  it("starts from a template when asked", async () => {
    const b = await createBoard(server.url, { template: "building-products" });
    const res = await get(`/api/boards/${b.id}/export`, b.viewToken);
    const file = await res.json();
    expect(file.players).toHaveLength(TEMPLATES["building-products"].board.players.length);
  });

  it("rejects unknown fields and templates with a 400 naming the path", async () => {
    const r1 = await post("/api/boards", { title: "x", colour: "red" });
    expect(r1.status).toBe(400);
    expect((await r1.json()).error).toMatchObject({ code: "invalid_request" });
    const r2 = await post("/api/boards", { template: "nope" });
    expect(r2.status).toBe(400);
    expect((await r2.json()).error).toMatchObject({ code: "unknown_template", path: "template" });
    const r3 = await post("/api/boards", "{not json", true);
    expect(r3.status).toBe(400);
    expect((await r3.json()).error.code).toBe("invalid_json");
  });
});

describe("GET /api/boards/{id}/answers", () => {
  it("answers the eight questions from the live board, for any role", async () => {
    const b = await createBoard(server.url, { template: "building-products" });
    const res = await get(`/api/boards/${b.id}/answers`, b.viewToken);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(analyzeBoard(TEMPLATES["building-products"].board));
  });

  it("follows live edits made over the websocket", async () => {
    const b = await createBoard(server.url);
    const c = connectClient(server.wsUrl, b.id, b.editToken);
    await whenSynced(c);
    addPlayer(c.doc, makePlayer({ id: "us", name: "Us", kind: "manufacturer", isUs: true }));
    await waitFor(() => c.provider.wsconnected, 5000);
    let answers: { us: { id: string } | null } = { us: null };
    const deadline = Date.now() + 10_000;
    while (!answers.us && Date.now() < deadline) answers = await (await get(`/api/boards/${b.id}/answers?t=${b.editToken}`)).json();
    expect(answers.us).toMatchObject({ id: "us", stage: 1, stages: 1 });
    c.destroy();
  });

  it("needs a valid token: 401 without, 401 with another board's", async () => {
    const a = await createBoard(server.url);
    const other = await createBoard(server.url);
    expect((await get(`/api/boards/${a.id}/answers`)).status).toBe(401);
    expect((await get(`/api/boards/${a.id}/answers`, other.ownerToken)).status).toBe(401);
  });
});

describe("export and import in chainboard/v1", () => {
  it("round-trips a board through export and import", async () => {
    const a = await createBoard(server.url, { template: "software-resellers" });
    const exported = await (await get(`/api/boards/${a.id}/export`, a.editToken)).json();
    expect(exported.format).toBe("chainboard/v1");
    const res = await post("/api/boards/import", exported);
    expect(res.status).toBe(201);
    const b = await res.json();
    const again = await (await get(`/api/boards/${b.id}/export`, b.viewToken)).json();
    expect(again).toEqual(exported);
    expect(exported).toEqual(toBoardFile(TEMPLATES["software-resellers"].board));
  });

  it("rejects a malformed file with a 400 naming the path, and creates nothing", async () => {
    const file = toBoardFile(TEMPLATES["building-products"].board) as unknown as { players: Record<string, unknown>[] };
    file.players[2].colour = "red";
    const before = boardCount();
    const res = await post("/api/boards/import", file);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.path).toBe("players[2].colour");
    expect(error.message).toContain("players[2].colour");
    const bad = structuredClone(toBoardFile(TEMPLATES["building-products"].board)) as unknown as { channels: { to: string }[] };
    bad.channels[0].to = "ghost";
    const res2 = await post("/api/boards/import", bad);
    expect(res2.status).toBe(400);
    expect((await res2.json()).error.path).toMatch(/^channels\[0\]\.to$/);
    expect(boardCount()).toBe(before);
  });
});
