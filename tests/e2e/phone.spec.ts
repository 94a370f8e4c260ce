/**
 * A phone (390×844, touch): the canvas takes the screen with nothing overlapping; players are
 * added from the palette strip, moved with a finger, zoomed with two, and connected from the
 * bottom sheet or from a card's long-press menu.
 */
import type { Browser, CDPSession, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { startServer, type RunningServer } from "../helpers/server";
import { boardOf, createBoardVia } from "./helpers";

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function openOnPhone(browser: Browser, link: string, name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  await context.addInitScript((who) => window.localStorage.setItem("chainboard.identity", JSON.stringify({ name: who, fn: "Sales" })), name);
  const page = await context.newPage();
  page.on("pageerror", (err) => console.error(`[${name}] page error: ${err.message}`));
  await page.goto(link);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  return page;
}

/** One finger from `from` to `to` in small steps, as a person drags. */
async function touchDrag(cdp: CDPSession, from: { x: number; y: number }, to: { x: number; y: number }, steps = 12) {
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: from.x, y: from.y }] });
  for (let i = 1; i <= steps; i++) {
    const x = from.x + ((to.x - from.x) * i) / steps;
    const y = from.y + ((to.y - from.y) * i) / steps;
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y }] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

/** Two fingers moving apart around `centre`: a pinch that zooms in. */
async function pinchOut(cdp: CDPSession, centre: { x: number; y: number }) {
  const at = (d: number) => [
    { x: centre.x - d, y: centre.y, id: 0 },
    { x: centre.x + d, y: centre.y, id: 1 },
  ];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(30) });
  for (let d = 40; d <= 120; d += 10) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(d) });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

test("on a 390×844 touch screen: the canvas takes the screen, players are added, moved and connected", async ({ browser }) => {
  const board = await createBoardVia(server.url, { title: "On the train" });
  const page = await openOnPhone(browser, board.owner, "Priya");
  const cdp = await page.context().newCDPSession(page);

  // Nothing in the top bar overlaps, and all of it is on screen.
  const header = await page
    .locator("header > *, header > div > *")
    .evaluateAll((els) => els.filter((el) => el.getBoundingClientRect().width > 0).map((el) => ({ tag: el.outerHTML.slice(0, 60), ...(el.getBoundingClientRect().toJSON() as Box) })));
  for (const item of header) expect(item.x + item.width, `${item.tag} runs off screen`).toBeLessThanOrEqual(391);
  const topLevel = await page.locator("header > *").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as Box).filter((b) => b.width > 0));
  for (let i = 0; i < topLevel.length; i++) for (let j = i + 1; j < topLevel.length; j++) expect(overlap(topLevel[i], topLevel[j]), `top bar items ${i} and ${j} overlap`).toBe(false);

  // The canvas has the screen; the palette is a strip above it and the details a sheet below.
  const pane = (await page.locator(".react-flow__pane").boundingBox())!;
  const palette = (await page.getByTestId("palette").boundingBox())!;
  const sheet = (await page.getByTestId("sidebar").boundingBox())!;
  expect(pane.width).toBeGreaterThanOrEqual(388);
  expect(pane.height).toBeGreaterThan(844 * 0.6);
  expect(palette.height).toBeLessThanOrEqual(56);
  expect(overlap(palette, pane)).toBe(false);
  expect(overlap(sheet, pane)).toBe(false);
  await expect(page.locator(".react-flow__minimap")).toBeHidden();

  // Add two players with taps on the palette strip; the canvas stays in view.
  await page.getByTestId("palette-manufacturer").tap();
  await page.getByTestId("palette-distributor").tap();
  await expect(page.getByTestId("player-node")).toHaveCount(2);
  await expect(page.getByTestId("sidebar")).toHaveAttribute("data-sheet", "closed");
  const [first, second] = (await boardOf(page)).players;

  // Move one with a finger, to the half of the canvas where the other is not.
  const card = (await page.locator(`.react-flow__node[data-id="${second.id}"]`).boundingBox())!;
  const other = (await page.locator(`.react-flow__node[data-id="${first.id}"]`).boundingBox())!;
  const start = { x: card.x + card.width / 2, y: card.y + card.height / 2 };
  const downwards = other.y + other.height / 2 < pane.y + pane.height / 2;
  const end = { x: pane.x + pane.width / 2, y: downwards ? pane.y + pane.height - card.height / 2 - 30 : pane.y + card.height / 2 + 70 };
  await touchDrag(cdp, start, end);
  await expect.poll(async () => Math.abs((await boardOf(page)).players.find((p) => p.id === second.id)!.y - second.y)).toBeGreaterThan(40);

  // Pinch to zoom in, then fit the board back into view.
  const zoomOf = () => page.locator(".react-flow__viewport").evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  const zoomBefore = await zoomOf();
  await pinchOut(cdp, { x: pane.x + pane.width / 2, y: pane.y + pane.height / 3 });
  await expect.poll(zoomOf).toBeGreaterThan(zoomBefore * 1.2);
  await page.getByRole("button", { name: "Fit View" }).tap();

  // Tap a card: its details open in the sheet, and the canvas ends where the sheet begins.
  await page.locator(`.react-flow__node[data-id="${first.id}"]`).tap();
  await expect(page.getByTestId("sidebar")).toHaveAttribute("data-sheet", "open");
  await expect(page.getByTestId("inspector-name")).toBeVisible();
  const openSheet = (await page.getByTestId("sidebar").boundingBox())!;
  expect(overlap(openSheet, (await page.locator(".react-flow__pane").boundingBox())!)).toBe(false);

  // From the sheet, a channel is drawn without aiming at a dot.
  await page.getByTestId("connect-from-selection").tap();
  await expect(page.getByTestId("connect-dialog")).toBeVisible();
  await page.getByTestId("connect-to").selectOption(second.id);
  await page.getByTestId("connect-flow-goods").tap();
  await page.getByTestId("connect-submit").tap();
  await expect.poll(async () => (await boardOf(page)).channels).toEqual([expect.objectContaining({ from: first.id, to: second.id, flow: "goods" })]);
  await expect(page.getByTestId("channel")).toHaveCount(1);
});

test("on a touch screen, pressing and holding a card opens its menu, which draws a channel too", async ({ browser }) => {
  const board = await createBoardVia(server.url, { title: "Long press" });
  const page = await openOnPhone(browser, board.edit, "Lee");
  await page.getByTestId("palette-installer").tap();
  await page.getByTestId("palette-end-user").tap();
  await expect(page.getByTestId("player-node")).toHaveCount(2);
  const [a, b] = (await boardOf(page)).players;
  const card = (await page.locator(`.react-flow__node[data-id="${a.id}"]`).boundingBox())!;
  // A long press is the browser's context menu event on a touch screen.
  await page.locator(`.react-flow__node[data-id="${a.id}"]`).dispatchEvent("contextmenu", { clientX: card.x + card.width / 2, clientY: card.y + card.height / 2, bubbles: true, cancelable: true });
  await expect(page.getByTestId("card-menu")).toBeVisible();
  await page.getByTestId("menu-connect").tap();
  await page.getByTestId("connect-to").selectOption(b.id);
  await page.getByTestId("connect-submit").tap();
  await expect.poll(async () => (await boardOf(page)).channels).toEqual([expect.objectContaining({ from: a.id, to: b.id })]);
});
