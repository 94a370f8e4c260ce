/**
 * The board report end to end (GET /api/boards/{id}/report): the real server, its database, a
 * live client's presence, a workshop round, a saved version, and the PDF rendered by the
 * server's Chromium and read back with pdf.js.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server";
import { connectClient, createBoard, waitFor, whenSynced } from "../helpers/clients";
import { readPdf } from "../helpers/pdf";
import { addPlayer } from "../../lib/collab/boardDoc";
import { makePlayer } from "../../lib/valuechain/model";
import { EIGHT_QUESTIONS } from "../../lib/valuechain/labels";
import type { Answers } from "../../lib/valuechain/answers";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { ROOM_IDLE_UNLOAD_MS: "60000" } });
});
afterAll(() => server?.stop());

const api = (path: string, token: string | null, init: { method?: string; body?: unknown } = {}) =>
  fetch(`${server.url}/api/boards/${path}`, {
    method: init.method ?? "GET",
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

/** What a reader sees of the page: tags out, entities decoded. */
const textOf = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, "")
    .replace(/<svg[\s\S]*?<\/svg>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("board report", () => {
  it("is a self-contained page with the eight answers, the channel count and who is connected", async () => {
    const board = await createBoard(server.url, { template: "building-products" });
    const client = connectClient(server.wsUrl, board.id, board.editToken);
    await whenSynced(client);
    client.provider.awareness.setLocalStateField("user", { name: "Maria Lopez", fn: "Sales", color: "#2563eb" });
    const answers = (await (await api(`${board.id}/answers`, board.viewToken)).json()) as Answers;
    expect(answers.channels.count).toBe(3);

    // The token in the query, as a new browser tab sends it.
    let res!: Response;
    let html = "";
    // Presence travels on its own schedule: ask until it has reached the server.
    for (const deadline = Date.now() + 10_000; Date.now() < deadline && !html.includes("Maria Lopez"); await new Promise((r) => setTimeout(r, 200))) {
      res = await fetch(`${server.url}/api/boards/${board.id}/report?t=${board.viewToken}`);
      expect(res.status).toBe(200);
      html = await res.text();
    }
    client.destroy();

    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^inline; filename="Building-products-value-chain\.html"/);
    // Its own policy: no script may run, its inline <style> applies, images only from data:.
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).not.toMatch(/script-src/);

    expect(html).not.toMatch(/src="http|href="http|<link|<script/i);
    expect(html).toMatch(/<svg [^>]*data-players="8"/);
    const text = textOf(html);
    expect(text).toContain("Building products value chain");
    for (const question of EIGHT_QUESTIONS) expect(text).toContain(question);
    expect(html).toContain('data-channel-count="3"');
    expect(text).toContain("3 distribution channels from us to a consumer.");
    expect(text).toContain("3 parallel distribution channels");
    // Answers the /answers route gives, in words: us, its stage, and every customer by name.
    expect(text).toContain(`at stage ${answers.us!.stage} of ${answers.us!.stages}`);
    const file = await (await api(`${board.id}/export`, board.viewToken)).json();
    const nameOf = (id: string) => (file.players as { id: string; name: string }[]).find((p) => p.id === id)!.name;
    for (const c of answers.customers) expect(text).toContain(`${nameOf(c.id)} — ${c.why}`);
    expect(text).toContain("Connected when this report was made (1) Maria Lopez (Sales)");
  });

  it("renders the same report as a PDF that names the board", async () => {
    const board = await createBoard(server.url, { template: "industrial-components" });
    const res = await api(`${board.id}/report?format=pdf`, board.viewToken);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="Industrial-components-value-chain\.pdf"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const pdf = await readPdf(bytes);
    expect(pdf.numPages).toBeGreaterThanOrEqual(1);
    expect(pdf.title).toBe("Industrial components value chain");
    expect(pdf.text).toContain("Industrial components value chain");
    expect(pdf.text).toContain("How many parallel distribution channels are there?");
    expect(pdf.text).toContain("Strategy by segment");
  });

  it("shows the changes since a saved version", async () => {
    const board = await createBoard(server.url, { template: "building-products" });
    const saved = await api(`${board.id}/versions`, board.editToken, { method: "POST", body: { name: "FY27 before workshop" } });
    expect(saved.status).toBe(201);
    const version = (await saved.json()) as { id: string };

    const client = connectClient(server.wsUrl, board.id, board.editToken);
    await whenSynced(client);
    addPlayer(client.doc, makePlayer({ id: "shop", name: "Online shop", kind: "retailer", x: 900, y: 600 }));
    let text = "";
    for (const deadline = Date.now() + 10_000; Date.now() < deadline && !text.includes("Added Online shop"); await new Promise((r) => setTimeout(r, 200))) {
      const res = await api(`${board.id}/report?since=${version.id}`, board.viewToken);
      expect(res.status).toBe(200);
      text = textOf(await res.text());
    }
    client.destroy();
    expect(text).toContain("Changes since “FY27 before workshop”");
    expect(text).toContain("Added Online shop (Retailer / dealer)");
    expect(text).toMatch(/Players: .*\+ Online shop/);

    const without = textOf(await (await api(`${board.id}/report`, board.viewToken)).text());
    expect(without).not.toContain("Changes since");
  });

  it("shows the last revealed workshop round with its agreement and kappa, and who took part", async () => {
    const board = await createBoard(server.url, { template: "building-products" });
    const created = await api(`${board.id}/rounds`, board.ownerToken, { method: "POST", body: { questions: ["customer"] } });
    expect(created.status).toBe(201);
    const { id: roundId } = (await created.json()) as { id: string };
    const answer = (name: string, fn: string, p4: "yes" | "no") =>
      api(`${board.id}/rounds/${roundId}/answers`, board.editToken, {
        method: "PUT",
        body: { participant: { name, function: fn }, answers: { customer: { p3: { value: "yes", why: "stock" }, p4: { value: p4 } } } },
      });
    for (const [name, fn, p4] of [["Ann", "Sales", "yes"], ["Bo", "Finance", "no"], ["Cy", "Marketing", "yes"]] as const) expect((await answer(name, fn, p4)).status).toBe(200);

    // Still open: private answers stay out of the report.
    expect(textOf(await (await api(`${board.id}/report`, board.viewToken)).text())).toContain("The board has no revealed workshop round.");

    expect((await api(`${board.id}/rounds/${roundId}/reveal`, board.ownerToken, { method: "POST" })).status).toBe(200);
    const view = (await (await api(`${board.id}/rounds/${roundId}`, board.viewToken)).json()) as { scores: { kappa: number | null } };
    const text = textOf(await (await api(`${board.id}/report`, board.viewToken)).text());
    expect(text).toContain("Last workshop round");
    expect(text).toContain(`κ = ${view.scores.kappa === null ? "—" : view.scores.kappa.toFixed(2)}`);
    expect(text).toMatch(/Customer or not Builders' merchant Customer 100% Unanimous/);
    expect(text).toMatch(/Customer or not Window dealer Customer 67% Majority/);
    expect(text).toMatch(/Took part in the last workshop round \([^)]+\) Ann \(Sales\) Bo \(Finance\) Cy \(Marketing\)/);
  });

  it("refuses a missing or wrong token (401), an unknown format (400) and an unknown version (404)", async () => {
    const board = await createBoard(server.url);
    expect((await api(`${board.id}/report`, null)).status).toBe(401);
    expect((await api(`${board.id}/report?format=pdf`, "not-the-token")).status).toBe(401);
    const bad = await api(`${board.id}/report?format=docx`, board.viewToken);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: "invalid_request", path: "format", message: expect.stringContaining("format") });
    const unknown = await api(`${board.id}/report?since=no-such-version`, board.viewToken);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("version_not_found");
    expect((await api(`${board.id}/report?format=html`, board.viewToken)).status).toBe(200);
  });
});

describe("board report without Chromium", () => {
  let bare: RunningServer;
  beforeAll(async () => {
    bare = await startServer({ env: { CHROMIUM_PATH: "/nonexistent/chromium" } });
  });
  afterAll(() => bare?.stop());

  it("answers a PDF with 503 saying how to install Chromium, and still serves the HTML", async () => {
    const board = await createBoard(bare.url, { template: "building-products" });
    const pdf = await fetch(`${bare.url}/api/boards/${board.id}/report?format=pdf`, { headers: { authorization: `Bearer ${board.viewToken}` } });
    expect(pdf.status).toBe(503);
    expect((await pdf.json()).error).toMatchObject({ code: "chromium_missing", message: expect.stringMatching(/apt-get install chromium.*CHROMIUM_PATH/) });
    const html = await fetch(`${bare.url}/api/boards/${board.id}/report?t=${board.viewToken}`);
    expect(html.status).toBe(200);
  });
});
