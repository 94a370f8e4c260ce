/** Workshop rounds: private answers, the reveal and the scores, against the real server. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { startServer, type RunningServer } from "../helpers/server";
import { connectClient, createBoard, waitFor, whenSynced } from "../helpers/clients";
import { editingLocked, readRound } from "../../lib/collab/boardDoc";
import { TEMPLATES } from "../../lib/valuechain/templates";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const call = (method: string, path: string, token: string | null, body?: unknown) =>
  fetch(`${server.url}/api/boards/${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const dealer = TEMPLATES["building-products"].board.players.find((p) => p.kind === "retailer")!.id;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SECRET_WHY = "Ann-only-reason-7f3a9c";

describe("workshop rounds", () => {
  it("keeps answers private until the reveal: not in any endpoint, the document or awareness", async () => {
    const board = await createBoard(server.url, { template: "building-products" });
    const b = connectClient(server.wsUrl, board.id, board.editToken);
    await whenSynced(b);
    const res = await call("POST", `${board.id}/rounds`, board.ownerToken, { questions: ["customer", "strategy"], timerSeconds: 120 });
    expect(res.status).toBe(201);
    const { id: rid } = await res.json();
    await waitFor(() => readRound(b.doc)?.id === rid, 10_000, "round reaches the document");
    expect(readRound(b.doc)).toMatchObject({ status: "open", questions: ["customer", "strategy"], timerSeconds: 120, answered: [] });

    const ann = await call("PUT", `${board.id}/rounds/${rid}/answers`, board.editToken, {
      participant: { name: "Ann", function: "Sales" },
      answers: { customer: { [dealer]: { value: "yes", why: SECRET_WHY } }, strategy: { [dealer]: "pull" } },
    });
    expect(ann.status).toBe(200);
    const { participantId } = await ann.json();
    expect(participantId).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    await waitFor(() => readRound(b.doc)?.answered.length === 1, 10_000, "answered list");

    // B, as an editor, through every route it has.
    for (const token of [board.editToken, board.viewToken, board.ownerToken]) {
      const text = await (await call("GET", `${board.id}/rounds/${rid}`, token)).text();
      expect(text).not.toContain(SECRET_WHY);
      expect(text).not.toContain("pull");
      const view = JSON.parse(text);
      expect(view).not.toHaveProperty("answers");
      expect(view).not.toHaveProperty("scores");
      expect(view.answered).toEqual([expect.objectContaining({ name: "Ann", function: "Sales" })]);
      expect(await (await call("GET", `${board.id}/rounds`, token)).text()).not.toContain(SECRET_WHY);
      expect(await (await call("GET", `${board.id}/export`, token)).text()).not.toContain(SECRET_WHY);
      expect((await call("GET", `${board.id}/rounds/${rid}/summary`, token)).status).toBe(409);
    }
    expect(Buffer.from(Y.encodeStateAsUpdate(b.doc)).includes(SECRET_WHY)).toBe(false);
    expect(JSON.stringify([...b.provider.awareness.getStates().values()])).not.toContain(SECRET_WHY);

    // Reveal: now everyone may read all answers and the scores.
    expect((await call("POST", `${board.id}/rounds/${rid}/reveal`, board.editToken)).status).toBe(403);
    const revealed = await (await call("POST", `${board.id}/rounds/${rid}/reveal`, board.ownerToken)).json();
    expect(revealed.status).toBe("revealed");
    expect(revealed.answers[0].answers.customer[dealer].why).toBe(SECRET_WHY);
    await waitFor(() => readRound(b.doc)?.status === "revealed", 10_000, "reveal reaches the document");
    b.destroy();
  });

  it("scores a segment split three ways, with who chose what, most contested first", async () => {
    const board = await createBoard(server.url, { template: "building-products" });
    const { id: rid } = await (await call("POST", `${board.id}/rounds`, board.ownerToken, { questions: ["customer"] })).json();
    const people = [
      ["Ann", "Sales", "yes"],
      ["Ben", "Finance", "no"],
      ["Cy", "Marketing", "undecided"],
    ] as const;
    for (const [name, fn, value] of people) {
      const r = await call("PUT", `${board.id}/rounds/${rid}/answers`, board.editToken, { participant: { name, function: fn }, answers: { customer: { [dealer]: { value } } } });
      expect(r.status).toBe(200);
    }
    const view = await (await call("POST", `${board.id}/rounds/${rid}/reveal`, board.ownerToken)).json();
    const item = view.scores.items.find((i: { item: string }) => i.item === dealer);
    expect(item).toMatchObject({ level: "split", answered: 3 });
    expect(item.distribution.flatMap((d: { who: { name: string }[] }) => d.who.map((w) => w.name)).sort()).toEqual(["Ann", "Ben", "Cy"]);
    expect(view.scores.items[0].agreement).toBeLessThanOrEqual(view.scores.items.at(-1).agreement);
    expect(typeof view.scores.reading).toBe("string");
    const summary = await (await call("GET", `${board.id}/rounds/${rid}/summary`, board.viewToken)).text();
    expect(summary).toContain("Ann (Sales)");
  });

  it("replaces a participant's answers when the same participant id answers again", async () => {
    const board = await createBoard(server.url, { template: "building-products" });
    const { id: rid } = await (await call("POST", `${board.id}/rounds`, board.ownerToken, { questions: ["strategy"] })).json();
    const first = await (await call("PUT", `${board.id}/rounds/${rid}/answers`, board.editToken, { participant: { name: "Ann", function: "Sales" }, answers: { strategy: { [dealer]: "push" } } })).json();
    const again = await call("PUT", `${board.id}/rounds/${rid}/answers`, board.editToken, { participantId: first.participantId, participant: { name: "Ann", function: "Sales" }, answers: { strategy: { [dealer]: "pull" } } });
    expect((await again.json()).participantId).toBe(first.participantId);
    const forged = await call("PUT", `${board.id}/rounds/${rid}/answers`, board.editToken, { participantId: "A".repeat(22), participant: { name: "Eve", function: "Other" }, answers: {} });
    expect(forged.status).toBe(400);
    const view = await (await call("POST", `${board.id}/rounds/${rid}/close`, board.ownerToken)).json();
    expect(view.answered).toHaveLength(1);
    expect(view.answers[0].answers.strategy[dealer]).toBe("pull");
    const late = await call("PUT", `${board.id}/rounds/${rid}/answers`, board.editToken, { participant: { name: "Ben", function: "Sales" }, answers: {} });
    expect(late.status).toBe(409);
  });

  it("shows duplicates to the facilitator, who can drop one", async () => {
    const board = await createBoard(server.url, { template: "building-products" });
    const { id: rid } = await (await call("POST", `${board.id}/rounds`, board.ownerToken, { questions: ["us"] })).json();
    for (let i = 0; i < 2; i++) {
      await call("PUT", `${board.id}/rounds/${rid}/answers`, board.editToken, { participant: { name: "Ann", function: "Sales" }, answers: { us: dealer } });
    }
    const view = await (await call("GET", `${board.id}/rounds/${rid}`, board.ownerToken)).json();
    expect(view.answered.map((a: { duplicate: boolean }) => a.duplicate)).toEqual([true, true]);
    expect((await call("DELETE", `${board.id}/rounds/${rid}/participants/${view.answered[1].ref}`, board.editToken)).status).toBe(403);
    expect((await call("DELETE", `${board.id}/rounds/${rid}/participants/${view.answered[1].ref}`, board.ownerToken)).status).toBe(204);
    expect((await (await call("GET", `${board.id}/rounds/${rid}`, board.ownerToken)).json()).answered).toHaveLength(1);
  });

  it("refuses what roles may not do and answers that do not fit the round", async () => {
    const board = await createBoard(server.url, { template: "building-products" });
    expect((await call("POST", `${board.id}/rounds`, board.editToken, { questions: ["us"] })).status).toBe(403);
    expect((await call("POST", `${board.id}/rounds`, board.ownerToken, { questions: [] })).status).toBe(400);
    expect((await call("POST", `${board.id}/rounds`, board.ownerToken, { questions: ["colour"] })).status).toBe(400);
    const { id: rid } = await (await call("POST", `${board.id}/rounds`, board.ownerToken, { questions: ["us"] })).json();
    const who = { name: "Vic", function: "Sales" };
    expect((await call("PUT", `${board.id}/rounds/${rid}/answers`, board.viewToken, { participant: who, answers: { us: dealer } })).status).toBe(403);
    const wrong = await call("PUT", `${board.id}/rounds/${rid}/answers`, board.editToken, { participant: who, answers: { us: "ghost" } });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.path).toBe("answers.us");
    const notAsked = await call("PUT", `${board.id}/rounds/${rid}/answers`, board.editToken, { participant: who, answers: { strategy: { [dealer]: "push" } } });
    expect(notAsked.status).toBe(400);
    const other = await createBoard(server.url);
    expect((await call("GET", `${other.id}/rounds/${rid}`, other.ownerToken)).status).toBe(404);
  });

  it("makes a round blind unless asked otherwise, in the API and the document", async () => {
    const board = await createBoard(server.url, { template: "building-products" });
    const b = connectClient(server.wsUrl, board.id, board.viewToken);
    await whenSynced(b);
    const { id: blind } = await (await call("POST", `${board.id}/rounds`, board.ownerToken, { questions: ["customer"] })).json();
    await waitFor(() => readRound(b.doc)?.id === blind, 10_000, "blind round reaches the document");
    expect(readRound(b.doc)).toMatchObject({ blind: true, timeUp: false });
    expect(await (await call("GET", `${board.id}/rounds/${blind}`, board.viewToken)).json()).toMatchObject({ blind: true, timeUp: false, endsAt: null });
    const { id: open } = await (await call("POST", `${board.id}/rounds`, board.ownerToken, { questions: ["customer"], blind: false })).json();
    await waitFor(() => readRound(b.doc)?.id === open, 10_000, "second round reaches the document");
    expect(readRound(b.doc)).toMatchObject({ blind: false });
    expect((await call("POST", `${board.id}/rounds`, board.ownerToken, { questions: ["us"], blind: "yes" })).status).toBe(400);
    b.destroy();
  });

  it("closes a round for answers when its timer ends: a late answer is refused and editing is no longer paused", async () => {
    const board = await createBoard(server.url, { template: "building-products" });
    const b = connectClient(server.wsUrl, board.id, board.editToken);
    await whenSynced(b);
    const started = Date.now();
    const { id: rid } = await (await call("POST", `${board.id}/rounds`, board.ownerToken, { questions: ["us"], timerSeconds: 2, lockEditing: true })).json();
    await waitFor(() => readRound(b.doc)?.id === rid, 10_000, "round reaches the document");
    expect(editingLocked(b.doc)).toBe(true);
    const onTime = await call("PUT", `${board.id}/rounds/${rid}/answers`, board.editToken, { participant: { name: "Ann", function: "Sales" }, answers: { us: dealer } });
    expect(onTime.status).toBe(200);

    // The server's timer, not any browser, ends the round's answers and its editing pause.
    await waitFor(() => readRound(b.doc)?.timeUp === true, 10_000, "time up reaches the document");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(readRound(b.doc)).toMatchObject({ status: "open", timeUp: true });
    expect(editingLocked(b.doc)).toBe(false);
    const late = await call("PUT", `${board.id}/rounds/${rid}/answers`, board.editToken, { participant: { name: "Ben", function: "Finance" }, answers: { us: dealer } });
    expect(late.status).toBe(409);
    expect((await late.json()).error).toMatchObject({ code: "round_closed", message: expect.stringContaining("Time is up") });
    const view = await (await call("GET", `${board.id}/rounds/${rid}`, board.viewToken)).json();
    expect(view).toMatchObject({ status: "open", timeUp: true, answered: [expect.objectContaining({ name: "Ann" })] });
    expect(Date.parse(view.endsAt) - Date.parse(view.createdAt)).toBe(2_000);

    // The answers given in time can still be revealed.
    const revealed = await (await call("POST", `${board.id}/rounds/${rid}/reveal`, board.ownerToken)).json();
    expect(revealed.answers).toHaveLength(1);
    b.destroy();
  });

  it("ends a round's time after a restart, from when the round started", async () => {
    const own = await startServer();
    try {
      const board = await createBoard(own.url, { template: "building-products" });
      const { id: rid } = await (await fetch(`${own.url}/api/boards/${board.id}/rounds`, {
        method: "POST",
        headers: { authorization: `Bearer ${board.ownerToken}`, "content-type": "application/json" },
        body: JSON.stringify({ questions: ["us"], timerSeconds: 3, lockEditing: true }),
      })).json();
      // Down before the time is up, back after it: nobody's timer was running meanwhile.
      expect(await own.stop()).toBe(0);
      await sleep(3_500);
      const again = await startServer({ databaseUrl: own.databaseUrl });
      try {
        const late = await fetch(`${again.url}/api/boards/${board.id}/rounds/${rid}/answers`, {
          method: "PUT",
          headers: { authorization: `Bearer ${board.editToken}`, "content-type": "application/json" },
          body: JSON.stringify({ participant: { name: "Ann", function: "Sales" }, answers: { us: dealer } }),
        });
        expect(late.status).toBe(409);
        expect((await late.json()).error.code).toBe("round_closed");
        const b = connectClient(again.wsUrl, board.id, board.editToken);
        await whenSynced(b);
        await waitFor(() => readRound(b.doc)?.timeUp === true, 10_000, "time up after the restart");
        expect(editingLocked(b.doc)).toBe(false);
        b.destroy();
      } finally {
        await again.stop();
      }
    } finally {
      await own.stop();
    }
  });
});
