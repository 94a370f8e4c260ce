/**
 * The board file, duplicates and the clipboard in a real browser: the file downloads from the
 * board menu and opens as a new board from the home page; a malformed file shows its problem
 * with the path and creates nothing; a duplicate opens with its own links; players copied in
 * one tab paste into another board in another tab with their channel.
 */
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { startServer, type RunningServer } from "../helpers/server";
import { boardOf, createBoardVia, openAs } from "./helpers";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

function boardCount(): number {
  const db = new Database(server.databaseUrl.slice("file:".length), { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM "Board"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function menu(page: Page, item: string) {
  await page.getByTestId("board-menu-button").click();
  await page.getByTestId(item).click();
}

/** The board is open and live; a browser that never gave a name gives one first. */
async function ready(page: Page, newBrowser: boolean) {
  if (newBrowser) {
    await page.getByTestId("identity-name").fill("Ada");
    await page.getByTestId("identity-submit").click();
  }
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
}

test("the board file downloads from the menu and opens as a new board from the home page", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: "industrial-components" });
  const page = await openAs(browser, board.edit, "Ada");
  const [download] = await Promise.all([page.waitForEvent("download"), menu(page, "menu-export-file")]);
  expect(download.suggestedFilename()).toMatch(/\.chainboard\.json$/);
  const file = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c as Buffer[]).toString("utf8")));
  const original = await boardOf(page);
  expect(file.players.map((p: { id: string }) => p.id).sort()).toEqual(original.players.map((p) => p.id));

  const home = await page.context().newPage();
  await home.goto(server.url);
  await home.getByTestId("import-file-input").setInputFiles({ name: "plan.chainboard.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await home.waitForURL(/\/b\/[^/#]+#t=/);
  expect(home.url()).not.toContain(board.id);
  await ready(home, false);
  expect((await boardOf(home)).players.map((p) => p.name).sort()).toEqual(original.players.map((p) => p.name).sort());
});

test("a malformed file shows the problem with its path and creates no board, from the home page and the board menu", async ({ browser }) => {
  const before = boardCount();
  const page = await (await browser.newContext()).newPage();
  await page.goto(server.url);
  const bad = { format: "chainboard/v1", title: "Bad", players: [{ id: "p1", name: "Dealer", kind: "wizard" }] };
  await page.getByTestId("import-file-input").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByTestId("import-error")).toContainText("players[0].kind");
  await page.getByTestId("import-file-input").setInputFiles({ name: "notjson.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
  await expect(page.getByTestId("import-error")).toContainText("not valid JSON");

  const board = await createBoardVia(server.url, {});
  const onBoard = await openAs(browser, board.edit, "Ben");
  await onBoard.getByTestId("import-file-input").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ ...bad, players: [], channels: [{ id: "c", from: "x", to: "y" }] })) });
  await expect(onBoard.getByTestId("board-file-error")).toContainText("channels[0].from");
  expect(boardCount()).toBe(before + 1);
  expect(onBoard.url()).toContain(board.id);
});

test("duplicating opens a copy with its own links; as a template it has the same players", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: "building-products" });
  const page = await openAs(browser, board.edit, "Cleo");
  const original = await boardOf(page);
  await menu(page, "menu-duplicate-board");
  await expect(page.getByTestId("duplicate-title")).toHaveValue(`${original.title} (copy)`);
  await page.getByTestId("duplicate-as-template").check();
  await page.getByTestId("duplicate-submit").click();
  await page.waitForURL((url) => !url.pathname.includes(board.id));
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  const copy = await boardOf(page);
  expect(copy.title).toBe(`${original.title} (copy)`);
  expect(copy.players).toEqual(original.players);
  expect(copy.channels).toEqual(original.channels);
  await expect(page.getByTestId("role")).toHaveText("Owner");
});

test("players copied on one board paste into another in another tab, with the channel between them", async ({ browser }) => {
  const from = await createBoardVia(server.url, { template: "building-products" });
  const to = await createBoardVia(server.url, { title: "Target" });
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  const a = await context.newPage();
  await a.goto(from.edit);
  await ready(a, true);
  const source = await boardOf(a);
  const channel = source.channels.find((c) => c.flow === "goods")!;
  await a.locator(`[data-player-id="${channel.from}"]`).click();
  await a.locator(`[data-player-id="${channel.to}"]`).click({ modifiers: ["Shift"] });
  await a.keyboard.press("ControlOrMeta+c");

  const b = await context.newPage();
  await b.goto(to.edit);
  await expect(b.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await b.locator(".react-flow__pane").click({ position: { x: 200, y: 200 } });
  await b.keyboard.press("ControlOrMeta+v");
  await expect(b.getByTestId("player-node")).toHaveCount(2);
  const pasted = await boardOf(b);
  const names = (board: typeof source, ids: string[]) => board.players.filter((p) => ids.includes(p.id)).map((p) => [p.name, p.kind]).sort();
  expect(names(pasted, pasted.players.map((p) => p.id))).toEqual(names(source, [channel.from as string, channel.to as string]));
  expect(pasted.players.map((p) => p.id)).not.toContain(channel.from);
  // Every channel between the two copied players came along (goods and the commercial one beside it), between the copies.
  const among = source.channels.filter((c) => [channel.from, channel.to].includes(c.from as string) && [channel.from, channel.to].includes(c.to as string));
  expect(pasted.channels.map((c) => c.flow).sort()).toEqual(among.map((c) => c.flow).sort());
  const ends = new Set(pasted.players.map((p) => p.id));
  for (const c of pasted.channels) expect(ends.has(c.from as string) && ends.has(c.to as string)).toBe(true);
  // The source board is as it was.
  expect(await boardOf(a)).toEqual(source);
  // One undo takes the whole paste back.
  await b.keyboard.press("ControlOrMeta+z");
  await expect(b.getByTestId("player-node")).toHaveCount(0);
});
