/**
 * What an anonymous caller can make the server do is rate limited (issue 12): boards created
 * per address, versions saved per board, wrong tokens per address (API and websocket alike),
 * each answered 429 with Retry-After, without affecting other addresses or boards.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer } from "../helpers/server";
import { startServerWhenBuilt } from "../helpers/chaos";
import { RawSocket } from "../helpers/rawSocket";

let server: RunningServer;

beforeAll(async () => {
  server = await startServerWhenBuilt({ env: { RATE_BOARDS_PER_MINUTE: "5", RATE_VERSIONS_PER_MINUTE: "3", RATE_AUTH_FAILURES_PER_MINUTE: "4" } });
}, 11 * 60_000);

afterAll(async () => {
  await server?.stop();
});

/** A JSON request from a given local address (127.0.0.x stands for another machine). */
function request(method: string, path: string, opts: { from?: string; body?: unknown; token?: string } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; json: () => unknown }> {
  return new Promise((resolve, reject) => {
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = http.request(
      `${server.url}${path}`,
      {
        method,
        localAddress: opts.from ?? "127.0.0.1",
        headers: { ...(body ? { "content-type": "application/json" } : {}), ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
      },
      (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, json: () => JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("rate limits", () => {
  it("creates at most RATE_BOARDS_PER_MINUTE boards per address, then 429 with Retry-After; another address is unaffected", async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await request("POST", "/api/boards", { from: "127.0.0.2", body: {} })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const refused = await request("POST", "/api/boards/import", { from: "127.0.0.2", body: {} });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect((await request("POST", "/api/boards", { from: "127.0.0.3", body: {} })).status).toBe(201);
  });

  it("saves at most RATE_VERSIONS_PER_MINUTE versions per board", async () => {
    const board = (await request("POST", "/api/boards", { from: "127.0.0.4", body: {} })).json() as { id: string; editToken: string };
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await request("POST", `/api/boards/${board.id}/versions`, { from: "127.0.0.4", token: board.editToken, body: { name: `v${i}` } })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it("answers 429 after RATE_AUTH_FAILURES_PER_MINUTE wrong tokens from one address, on the API and the websocket, even for a right token; other addresses are unaffected", async () => {
    const board = (await request("POST", "/api/boards", { from: "127.0.0.5", body: {} })).json() as { id: string; viewToken: string };
    const wrong = "A".repeat(32);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await request("GET", `/api/boards/${board.id}/answers`, { from: "127.0.0.6", token: wrong })).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const api = await request("GET", `/api/boards/${board.id}/answers`, { from: "127.0.0.6", token: board.viewToken });
    expect(api.status).toBe(429);
    expect(Number(api.headers["retry-after"])).toBeGreaterThan(0);
    const upgrade = await RawSocket.open(`${server.wsUrl}/${board.id}?t=${board.viewToken}`, {}, { localAddress: "127.0.0.6" }).then(
      (s) => (s.terminate(), 101),
      (err: { status?: number }) => err.status,
    );
    expect(upgrade).toBe(429);
    expect((await request("GET", `/api/boards/${board.id}/answers`, { from: "127.0.0.7", token: board.viewToken })).status).toBe(200);
  });
});
