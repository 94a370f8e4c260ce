/**
 * Rate limits and quotas (issue 12): boards created per address, API writes per link and
 * address, named versions and rounds per board, wrong tokens per address (API, board page and
 * websocket alike). Each refusal is a 429 with Retry-After and the limit in its message, and
 * changes nothing; small limits keep these tests fast. A second server with the default limits
 * shows that a real workshop never meets them.
 */
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer } from "../helpers/server";
import { startServerWhenBuilt } from "../helpers/chaos";
import { requestFrom, retryAfter, upgradeFrom, type Answer } from "../helpers/fromAddress";
import { connectClient, whenSynced, type TestClient } from "../helpers/clients";
import { TEMPLATES } from "../../lib/valuechain/templates";

interface Created {
  id: string;
  ownerToken: string;
  editToken: string;
  viewToken: string;
}

const prefix = () => `test:${randomBytes(6).toString("hex")}:`;

/** What a refusal must carry: 429, Retry-After in whole seconds, the API error shape naming the limit. */
function expectRefused(answer: Answer, limit: RegExp): void {
  expect(answer.status).toBe(429);
  expect(retryAfter(answer)).toBeGreaterThanOrEqual(1);
  expect(Number.isInteger(retryAfter(answer))).toBe(true);
  expect(answer.json()).toEqual({ error: { code: "rate_limited", message: expect.stringMatching(limit) } });
}

describe("rate limits, each past its limit", () => {
  let server: RunningServer;
  const call = (method: string, path: string, opts: Parameters<typeof requestFrom>[3] = {}) => requestFrom(server.url, method, `/api/boards${path}`, opts);
  const create = async (from: string): Promise<Created> => (await call("POST", "", { from, body: {} })).json() as Created;
  const boardCount = () => {
    const db = new Database(server.databaseUrl.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM "Board"').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    server = await startServerWhenBuilt({
      env: {
        RATE_KEY_PREFIX: prefix(),
        RATE_BOARDS_PER_MINUTE: "5",
        RATE_VERSIONS_PER_MINUTE: "3",
        MAX_NAMED_VERSIONS_PER_BOARD: "2",
        RATE_ROUNDS_PER_MINUTE: "2",
        RATE_WRITES_PER_MINUTE: "10",
        RATE_AUTH_FAILURES_PER_MINUTE: "4",
        RATE_AUTH_BLOCK_SECONDS: "3",
      },
    });
  }, 11 * 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("creates at most RATE_BOARDS_PER_MINUTE boards per address, then 429 on create and import without creating one; another address is unaffected", async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await call("POST", "", { from: "127.0.0.2", body: {} })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201]);
    const before = boardCount();
    expectRefused(await call("POST", "", { from: "127.0.0.2", body: {} }), /new boards from this address: at most 5 a minute/);
    expectRefused(await call("POST", "/import", { from: "127.0.0.2", body: { format: "chainboard/v1", title: "x", players: [], channels: [] } }), /at most 5 a minute/);
    expect(boardCount()).toBe(before);
    expect((await call("POST", "", { from: "127.0.0.3", body: {} })).status).toBe(201);
  });

  it("saves at most RATE_VERSIONS_PER_MINUTE versions per board, then 429 without saving one", async () => {
    const board = await create("127.0.0.4");
    const versions = async () => ((await call("GET", `/${board.id}/versions`, { from: "127.0.0.4", token: board.viewToken })).json() as { versions: unknown[] }).versions;
    // Each is deleted again, so the quota of 2 named versions is never what refuses here.
    for (let i = 0; i < 3; i++) {
      const saved = await call("POST", `/${board.id}/versions`, { from: "127.0.0.4", token: board.editToken, body: { name: `v${i}` } });
      expect(saved.status).toBe(201);
      const { id } = saved.json() as { id: string };
      expect((await call("DELETE", `/${board.id}/versions/${id}`, { from: "127.0.0.4", token: board.ownerToken })).status).toBe(204);
    }
    expectRefused(await call("POST", `/${board.id}/versions`, { from: "127.0.0.4", token: board.editToken, body: { name: "v3" } }), /versions saved on this board: at most 3 a minute/);
    expect(await versions()).toEqual([]);
  });

  it("keeps at most MAX_NAMED_VERSIONS_PER_BOARD named versions (409 naming the limit); automatic versions are not counted", async () => {
    const board = await create("127.0.0.4");
    const save = (name: string) => call("POST", `/${board.id}/versions`, { from: "127.0.0.4", token: board.editToken, body: { name } });
    const first = (await save("one")).json() as { id: string };
    expect((await save("two")).status).toBe(201);
    const refused = await save("three");
    expect(refused.status).toBe(409);
    expect(refused.json()).toEqual({ error: { code: "version_quota", message: expect.stringMatching(/already keeps 2 named versions/) } });
    // A restore still keeps the state before it, as an automatic version.
    expect((await call("POST", `/${board.id}/versions/${first.id}/restore`, { from: "127.0.0.4", token: board.editToken, body: {} })).status).toBe(200);
    const list = ((await call("GET", `/${board.id}/versions`, { from: "127.0.0.4", token: board.viewToken })).json() as { versions: { name: string; auto: boolean }[] }).versions;
    expect(list.filter((v) => !v.auto).map((v) => v.name).sort()).toEqual(["one", "two"]);
    expect(list.filter((v) => v.auto).map((v) => v.name)).toContain("Before restoring “one”");
  });

  it("starts at most RATE_ROUNDS_PER_MINUTE rounds per board, then 429 without starting one", async () => {
    const board = await create("127.0.0.5");
    const start = () => call("POST", `/${board.id}/rounds`, { from: "127.0.0.5", token: board.ownerToken, body: { questions: ["us"] } });
    expect([(await start()).status, (await start()).status]).toEqual([201, 201]);
    expectRefused(await start(), /rounds started on this board: at most 2 a minute/);
    const { rounds } = (await call("GET", `/${board.id}/rounds`, { from: "127.0.0.5", token: board.viewToken })).json() as { rounds: unknown[] };
    expect(rounds).toHaveLength(2);
  });

  it("takes at most RATE_WRITES_PER_MINUTE writes per link and address, then 429 without writing; reads, other addresses and other links pass", async () => {
    const board = (await call("POST", "", { from: "127.0.0.5", body: { template: "building-products" } })).json() as Created;
    const player = TEMPLATES["building-products"].board.players[0].id;
    const { id: rid } = (await call("POST", `/${board.id}/rounds`, { from: "127.0.0.5", token: board.ownerToken, body: { questions: ["us"] } })).json() as { id: string };
    const answer = (i: number, from: string) =>
      call("PUT", `/${board.id}/rounds/${rid}/answers`, { from, token: board.editToken, body: { participant: { name: `P${i}`, function: "Sales" }, answers: { us: player } } });
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await answer(i, "127.0.0.8")).status);
    expect(statuses).toEqual(Array(10).fill(200));
    expectRefused(await answer(10, "127.0.0.8"), /changes with this link from this address: at most 10 a minute/);
    const answered = async () => ((await call("GET", `/${board.id}/rounds/${rid}`, { from: "127.0.0.8", token: board.editToken })).json() as { answered: unknown[] }).answered;
    expect(await answered()).toHaveLength(10);
    expect((await answer(11, "127.0.0.9")).status).toBe(200);
    expect((await call("POST", `/${board.id}/rounds/${rid}/reveal`, { from: "127.0.0.8", token: board.ownerToken })).status).toBe(200);
    expect(await answered()).toHaveLength(11);
  });

  it("blocks an address past RATE_AUTH_FAILURES_PER_MINUTE wrong tokens (API, page and websocket together) for RATE_AUTH_BLOCK_SECONDS, right tokens included, then lets it in again (R-AUTH)", async () => {
    const board = await create("127.0.0.6");
    const wrong = "A".repeat(32);
    const from = "127.0.0.10";
    const answers = (token: string, at = from) => call("GET", `/${board.id}/answers`, { from: at, token });
    const page = (token: string) => requestFrom(server.url, "GET", `/b/${board.id}?t=${token}`, { from });
    expect((await answers(wrong)).status).toBe(401);
    expect((await answers(wrong)).status).toBe(401);
    expect((await upgradeFrom(server.wsUrl, board.id, wrong, from)).status).toBe(401);
    // The page checks its link with GET /api/boards/{id}: a wrong one counts like any other.
    expect((await call("GET", `/${board.id}`, { from, token: wrong })).status).toBe(401);

    // The fifth wrong token passes the limit: it starts the block and is refused itself.
    const blockedAt = Date.now();
    const crossing = await answers(wrong);
    expectRefused(crossing, /more than 4 a minute, so token checks from it are refused for 3 s/);
    expect(retryAfter(crossing)).toBeLessThanOrEqual(3);
    expectRefused(await answers(board.viewToken), /wrong tokens from this address/);
    const socket = await upgradeFrom(server.wsUrl, board.id, board.viewToken, from);
    expect(socket.status).toBe(429);
    expect(retryAfter(socket)).toBeGreaterThanOrEqual(1);
    expect(socket.text).toMatch(/more than 4 a minute/);
    const blockedPage = await page(board.viewToken);
    expect(blockedPage.status).toBe(429);
    expect(retryAfter(blockedPage)).toBeGreaterThanOrEqual(1);
    expect((await answers(board.viewToken, "127.0.0.11")).status).toBe(200);

    // Once the block has passed, the address is let in again with a right token.
    await new Promise((r) => setTimeout(r, Math.max(0, blockedAt + 3000 + 500 - Date.now())));
    expect((await answers(board.viewToken)).status).toBe(200);
    expect((await upgradeFrom(server.wsUrl, board.id, board.viewToken, from)).status).toBe(101);
    expect((await page(board.viewToken)).status).toBe(200);
  });
});

describe("the default limits, in a real workshop", () => {
  let server: RunningServer;
  const call = (method: string, path: string, opts: Parameters<typeof requestFrom>[3] = {}) => requestFrom(server.url, method, `/api/boards${path}`, opts);
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServerWhenBuilt({ env: { RATE_KEY_PREFIX: prefix() } });
  }, 11 * 60_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
  });

  it("lets 30 people join one board in the same second with one edit link from one address, answer 7 questions each, and the facilitator run rounds and save versions", async () => {
    const board = (await call("POST", "", { body: { template: "building-products" } })).json() as Created;
    const players = TEMPLATES["building-products"].board.players.map((p) => p.id);
    const [a, b] = players;

    // 30 joins at once: the websocket and the API calls the page makes when it opens.
    const opening = ["", "/answers", "/tokens", "/rounds", "/versions"];
    const joins = await Promise.all(
      Array.from({ length: 30 }, async () => {
        const client = connectClient(server.wsUrl, board.id, board.editToken);
        clients.push(client);
        const statuses = await Promise.all(opening.map(async (path) => (await call("GET", `/${board.id}${path}`, { token: board.editToken })).status));
        await whenSynced(client);
        return statuses;
      }),
    );
    expect(joins.flat().every((s) => s === 200)).toBe(true);
    expect(clients.every((c) => c.provider.synced)).toBe(true);

    const facilitator = (method: string, path: string, body?: unknown) => call(method, `/${board.id}${path}`, { token: board.ownerToken, body });
    const questions = ["customer", "strategy", "transaction", "us", "starts", "consumers", "names"];
    const started = await facilitator("POST", "/rounds", { questions });
    expect(started.status).toBe(201);
    const { id: rid } = started.json() as { id: string };

    // Every participant answers the seven questions one by one, all of them at once.
    const steps = [
      { customer: { [a]: { value: "yes" } } },
      { strategy: { [a]: "push" } },
      { transaction: { [a]: "direct" } },
      { us: b },
      { starts: [a] },
      { consumers: [b] },
      { names: { [a]: "Dealer" } },
    ];
    const answered = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        let participantId: string | undefined;
        let answers = {};
        const statuses: number[] = [];
        for (const step of steps) {
          answers = { ...answers, ...step };
          const res = await call("PUT", `/${board.id}/rounds/${rid}/answers`, { token: board.editToken, body: { participantId, participant: { name: `Participant ${i}`, function: "Sales" }, answers } });
          statuses.push(res.status);
          if (res.status === 200) participantId = (res.json() as { participantId: string }).participantId;
        }
        return statuses;
      }),
    );
    expect(answered.flat()).toEqual(Array(210).fill(200));

    // A brisk facilitator: reveal, close, save a version, start again, three times over.
    const pace: number[] = [];
    let round = rid;
    for (let i = 0; i < 3; i++) {
      pace.push((await facilitator("POST", `/rounds/${round}/reveal`)).status);
      pace.push((await facilitator("POST", `/rounds/${round}/close`)).status);
      pace.push((await facilitator("POST", "/versions", { name: `After round ${i + 1}` })).status);
      const next = await facilitator("POST", "/rounds", { questions: ["customer"] });
      pace.push(next.status);
      round = (next.json() as { id: string }).id;
    }
    expect(pace).toEqual([200, 200, 201, 201, 200, 200, 201, 201, 200, 200, 201, 201]);
    const view = (await facilitator("GET", `/rounds/${rid}`)).json() as { answered: unknown[] };
    expect(view.answered).toHaveLength(30);
  });
});
