/**
 * Small holes found from outside (issue 12), on PostgreSQL, the production database: a NUL
 * character in a title or a version name, and templates named like Object's members, are
 * refused with a 400 naming the problem, never a 500, and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer } from "../helpers/server";
import { startServerWhenBuilt } from "../helpers/chaos";
import { createTestDatabase } from "../helpers/postgres";

let server: RunningServer;
let drop: () => Promise<void>;

beforeAll(async () => {
  const db = await createTestDatabase();
  drop = db.drop;
  server = await startServerWhenBuilt({ databaseUrl: db.url });
}, 11 * 60_000);

afterAll(async () => {
  await server?.stop();
  await drop?.();
});

const post = (path: string, body: unknown, token?: string) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe("hostile input on PostgreSQL", () => {
  it("refuses a NUL character in a board title, an imported name or a version name with 400 and the path", async () => {
    const res = await post("/api/boards", { title: "Evil\u0000title" });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "invalid_text", path: "title" });
    const board = (await (await post("/api/boards", { title: "Fine" })).json()) as { id: string; editToken: string };
    const version = await post(`/api/boards/${board.id}/versions`, { name: "v\u00001" }, board.editToken);
    expect(version.status).toBe(400);
    expect((await version.json()).error.path).toBe("name");
    const list = await (await fetch(`${server.url}/api/boards/${board.id}/versions`, { headers: { authorization: `Bearer ${board.editToken}` } })).json();
    expect(list.versions).toEqual([]);
  });

  it("answers 400 unknown_template for templates named like Object's members", async () => {
    for (const template of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      const res = await post("/api/boards", { template });
      expect(res.status, template).toBe(400);
      expect((await res.json()).error.code).toBe("unknown_template");
    }
  });
});
