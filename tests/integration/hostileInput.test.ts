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

  it("answers 400 for a \"__proto__\" key in any body instead of dropping the answer", async () => {
    const board = (await (await post("/api/boards", { template: "building-products" })).json()) as { id: string; ownerToken: string; editToken: string };
    const round = (await (await post(`/api/boards/${board.id}/rounds`, { questions: ["strategy"] }, board.ownerToken)).json()) as { id: string };
    const res = await fetch(`${server.url}/api/boards/${board.id}/rounds/${round.id}/answers`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${board.editToken}` },
      body: '{"participant":{"name":"Eve","function":"Sales"},"answers":{"strategy":{"__proto__":"push"}}}',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "invalid_key", path: "answers.strategy.__proto__" });
  });

  it("serves the round summary as Markdown with every user text neutralised: no HTML, link, image or forged row", async () => {
    const created = (await (await post("/api/boards", { template: "building-products" })).json()) as { id: string; ownerToken: string; editToken: string };
    const exported = await (await fetch(`${server.url}/api/boards/${created.id}/export?t=${created.editToken}`)).json();
    const playerId = exported.players[0].id as string;
    const round = (await (await post(`/api/boards/${created.id}/rounds`, { questions: ["names", "strategy"] }, created.ownerToken)).json()) as { id: string };
    const payloads = ['<img src=x onerror="alert(1)">', "[click](javascript:alert(1))", "![t](https://evil.example/t.png)", "</script><script>alert(2)</script>"];
    for (const [i, text] of payloads.entries()) {
      const res = await fetch(`${server.url}/api/boards/${created.id}/rounds/${round.id}/answers`, {
        method: "PUT",
        headers: { "content-type": "application/json", authorization: `Bearer ${created.editToken}` },
        body: JSON.stringify({ participant: { name: `${text}\n| forged | row | here | x |`, function: "Sales" }, answers: { names: { [playerId]: `${text} ${i}` }, strategy: { [playerId]: "push" } } }),
      });
      expect(res.status, text).toBe(200);
    }
    expect((await post(`/api/boards/${created.id}/rounds/${round.id}/reveal`, {}, created.ownerToken)).status).toBe(200);
    const summary = await fetch(`${server.url}/api/boards/${created.id}/rounds/${round.id}/summary`, { headers: { authorization: `Bearer ${created.ownerToken}` } });
    expect(summary.status).toBe(200);
    expect(summary.headers.get("content-type")).toContain("text/markdown");
    expect(summary.headers.get("x-content-type-options")).toBe("nosniff");
    const text = await summary.text();
    expect(text).not.toMatch(/(^|[^\\])<(img|script|\/script)/i);
    expect(text).not.toMatch(/(^|[^\\])\]\(/);
    expect(text).not.toMatch(/^\| forged/m);
    for (const line of text.split("\n").filter((l) => l.startsWith("|") && !l.startsWith("|---"))) {
      // Every table row keeps its four cells: a "|" inside user text is escaped.
      expect(line.split(/(?<!\\)\|/).length - 2, line).toBe(4);
    }
  });
});

