/**
 * Drawing on the canvas as people expect: a channel dropped over a card's body connects, its
 * flow is asked at the drop, new cards and copies land in free space, Shift+drag selects
 * without selecting the page's text.
 */
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

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function cardBoxes(page: Page): Promise<Box[]> {
  return page.locator(".react-flow__node").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as Box));
}

test("a channel dropped on the body of a card connects, and its flow is chosen at the drop", async ({ browser }) => {
  const board = await createBoardVia(server.url, { title: "Drawing" });
  const a = await openAs(browser, board.edit, "Alice");
  const b = await openAs(browser, board.edit, "Bob", "Marketing");
  await a.getByTestId("palette-specifier").click();
  await a.getByTestId("palette-installer").click();
  await expect(a.getByTestId("player-node")).toHaveCount(2);
  const players = (await boardOf(a)).players;
  const specifier = players.find((p) => p.kind === "specifier")!;
  const installer = players.find((p) => p.kind === "installer")!;

  // From the specifier's outgoing dot to the middle of the installer's card, far from its dot.
  const from = (await a.locator(`.react-flow__node[data-id="${specifier.id}"] .react-flow__handle.source`).boundingBox())!;
  const to = (await a.locator(`.react-flow__node[data-id="${installer.id}"]`).boundingBox())!;
  await a.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await a.mouse.down();
  await a.mouse.move(to.x + to.width * 0.6, to.y + to.height * 0.7, { steps: 15 });
  await a.mouse.up();

  // The chooser asks at once, with a specifier's line proposed as influence.
  const chooser = a.getByTestId("flow-chooser");
  await expect(chooser).toBeVisible();
  await expect(a.getByTestId("flow-choice-influence")).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await boardOf(a)).channels).toEqual([expect.objectContaining({ from: specifier.id, to: installer.id, flow: "influence" })]);

  // Pressing 2 makes it commercial, for everyone.
  await a.keyboard.press("2");
  await expect(chooser).toHaveCount(0);
  await expect.poll(async () => (await boardOf(b)).channels).toEqual([expect.objectContaining({ from: specifier.id, to: installer.id, flow: "commercial" })]);
  await expect(b.locator('[data-testid="channel"][data-flow="commercial"]')).toHaveCount(1);
});

test("new players from the palette land in free space in view, and copies land beside their originals", async ({ browser }) => {
  const board = await createBoardVia(server.url, { title: "Placement" });
  const a = await openAs(browser, board.edit, "Alice");
  for (let i = 0; i < 6; i++) await a.getByTestId("palette-distributor").click();
  await expect(a.getByTestId("player-node")).toHaveCount(6);
  const pane = (await a.locator(".react-flow__pane").boundingBox())!;
  const boxes = await cardBoxes(a);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j]), `cards ${i} and ${j} overlap`).toBe(false);
    // In view.
    expect(boxes[i].x).toBeGreaterThanOrEqual(pane.x - 1);
    expect(boxes[i].y).toBeGreaterThanOrEqual(pane.y - 1);
    expect(boxes[i].x + boxes[i].width).toBeLessThanOrEqual(pane.x + pane.width + 1);
  }

  // Ctrl+D on a selected card: the copy is beside it, on nothing.
  const before = (await boardOf(a)).players.map((p) => p.id);
  await a.locator(".react-flow__node").first().click();
  await a.keyboard.press("Control+d");
  await expect(a.getByTestId("player-node")).toHaveCount(7);
  const all = await a.locator(".react-flow__node").evaluateAll((els) => els.map((el) => ({ id: (el as HTMLElement).dataset.id!, ...(el.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number }) })));
  const copy = all.find((c) => !before.includes(c.id))!;
  for (const other of all.filter((c) => c.id !== copy.id)) expect(overlap(copy, other), `the copy overlaps ${other.id}`).toBe(false);
});

test("Shift+drag selects cards without selecting the page's text", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: "building-products" });
  const a = await openAs(browser, board.edit, "Alice");
  const pane = (await a.locator(".react-flow__pane").boundingBox())!;
  await a.keyboard.down("Shift");
  await a.mouse.move(pane.x + 5, pane.y + 5);
  await a.mouse.down();
  // Across the whole canvas and on into the sidebar's text.
  await a.mouse.move(pane.x + pane.width + 200, pane.y + pane.height - 5, { steps: 20 });
  await a.mouse.up();
  await a.keyboard.up("Shift");
  expect(await a.evaluate(() => window.getSelection()?.toString() ?? "")).toBe("");
  // The box took the cards it covered, and the channels between them.
  await expect(a.getByTestId("selection-count")).toHaveText(/^\d+ players and \d+ channels selected$/);
});
