/**
 * The questions panel, the strategy view and the tidy layout, with two people on one board
 * against the real server.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { analyzeBoard } from "../../lib/valuechain/answers";
import { STRATEGIES } from "../../lib/valuechain/model";
import { boardFromTemplate } from "../../lib/valuechain/templates";
import { startServer, type RunningServer } from "../helpers/server";
import { boardOf, createBoardVia, openAs } from "./helpers";

const TEMPLATE = "building-products";
const template = boardFromTemplate(TEMPLATE);
const expected = analyzeBoard(template);

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const card = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"] [data-testid="player-node"]`);

async function openQuestions(page: Page) {
  await page.getByTestId("tab-questions").click();
  await expect(page.getByTestId("questions-panel")).toBeVisible();
}

test("the panel answers the eight questions from the template, and pointing at a channel lights up its route", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: TEMPLATE });
  const a = await openAs(browser, board.edit, "Alice");
  await openQuestions(a);

  for (let n = 1; n <= 8; n++) await expect(a.getByTestId(`question-${n}`)).toBeVisible();
  await expect(a.getByTestId("question-4")).toContainText(`stage 2 of ${expected.us!.stages}`);
  await expect(a.getByTestId("channel-count")).toHaveText(`${expected.channels.count} distribution channels`);
  await expect(a.getByTestId("channel-path")).toHaveCount(expected.channels.count);
  await expect(a.getByTestId("question-1")).toContainText("Window dealer (also: Reseller, Showroom)");
  await expect(a.getByTestId("no-warnings")).toBeVisible();

  // The first route, in id order: us → merchant → dealer → installer → homeowner.
  const [route] = expected.channels.paths;
  const offRoute = template.players.map((p) => p.id).filter((id) => !route.includes(id));
  await expect(a.getByTestId("channel-path").first()).toContainText(`${expected.channels.shares[0]}% of our volume`);
  await expect(a.getByTestId("channel-share-total")).toHaveText("Together: 100% of our volume.");
  await a.getByTestId("channel-path").first().hover();
  for (const id of route) await expect(card(a, id)).toHaveAttribute("data-highlighted", "true");
  for (const id of offRoute) await expect(card(a, id)).toHaveAttribute("data-highlighted", "false");
  // The goods channels between consecutive players light up too, and nothing else.
  const routeChannels = template.channels.filter((c) => c.flow === "goods" && route.some((id, i) => id === c.from && route[i + 1] === c.to)).map((c) => c.id);
  await expect(a.getByTestId("channel-highlight")).toHaveCount(routeChannels.length);
  for (const id of routeChannels) await expect(a.locator(`[data-testid="channel"][data-id="${id}"] [data-testid="channel-highlight"]`)).toHaveCount(1);

  await a.getByTestId("question-8").getByRole("heading").hover();
  await expect(a.locator('[data-highlighted="true"]')).toHaveCount(0);

  // A name selects its player; the keyboard switches back to the inspector, which shows it.
  await a.getByTestId("question-3").getByRole("button", { name: "Glass and profile supplier" }).click();
  await expect(a.locator('.react-flow__node[data-id="p1"]')).toHaveClass(/selected/);
  await a.keyboard.press("q");
  await expect(a.getByTestId("inspector-name")).toHaveValue("Glass and profile supplier");
  await a.keyboard.press("q");
  await expect(a.getByTestId("questions-panel")).toBeVisible();
});

test("another person's edits update a viewer's answers live", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: TEMPLATE });
  const viewer = await openAs(browser, board.view, "Victor", "Finance");
  const editor = await openAs(browser, board.edit, "Eve", "Marketing");
  await openQuestions(viewer);
  await expect(viewer.getByTestId("warning")).toHaveCount(0);
  await expect(viewer.getByTestId("questions-warning-count")).toHaveCount(0);

  // Eve clears the reason the homeowner is not a customer.
  await editor.locator('.react-flow__node[data-id="p7"]').click();
  await editor.getByTestId("inspector-why").fill("");
  await expect(viewer.getByTestId("warning")).toHaveCount(1);
  await expect(viewer.getByTestId("warning")).toContainText("Homeowner is marked as not a customer");
  await expect(viewer.getByTestId("questions-warning-count")).toHaveText("1");
  await expect(viewer.getByTestId("question-6").getByTestId("missing-why")).toHaveCount(1);

  // "Show" selects the player concerned, for the viewer too.
  await viewer.getByTestId("warning-show").click();
  await expect(viewer.locator('.react-flow__node[data-id="p7"]')).toHaveClass(/selected/);

  // Eve deletes the trade-counter channel: one route fewer, and the merchant's shares no longer add up.
  await editor.getByTestId("channel-label").filter({ hasText: "trade counter" }).click();
  await editor.keyboard.press("Delete");
  await expect(viewer.getByTestId("channel-count")).toHaveText(`${expected.channels.count - 1} distribution channels`);
  await expect(viewer.getByTestId("channel-path")).toHaveCount(expected.channels.count - 1);
  await expect(viewer.getByTestId("questions-warning-count")).toHaveText("2");
  // The merchant now ships out only 70%: the routes say so instead of pretending to add up.
  await expect(viewer.getByTestId("channel-share-total")).toContainText("79% of our volume, not 100%");
});

test("question 8 counts each unit of volume once, names the shares still missing, and flags a consumer that ships on", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: TEMPLATE });
  const viewer = await openAs(browser, board.view, "Victor", "Finance");
  const editor = await openAs(browser, board.edit, "Eve", "Marketing");
  await openQuestions(viewer);
  await expect(viewer.getByTestId("channel-share-total")).toHaveText("Together: 100% of our volume.");

  // Eve clears the share of our stock orders to the merchant: no numbers that cannot add up, but the channel to fill in.
  await editor.getByTestId("channel-label").filter({ hasText: "stock orders" }).click();
  await editor.getByTestId("inspector-share").fill("");
  await expect(viewer.getByTestId("missing-share")).toHaveCount(1);
  await expect(viewer.getByTestId("missing-share")).toContainText("Window manufacturer (us)");
  await expect(viewer.getByTestId("missing-share")).toContainText("stock orders");
  await expect(viewer.getByTestId("channel-share")).toHaveCount(0);
  await expect(viewer.getByTestId("channel-share-total")).toHaveCount(0);

  await editor.getByTestId("inspector-share").fill("70");
  await expect(viewer.getByTestId("missing-shares")).toHaveCount(0);
  await expect(viewer.getByTestId("channel-share-total")).toHaveText("Together: 100% of our volume.");

  // Eve marks the installer as the ultimate consumer, though it still fits windows for the homeowner.
  await editor.locator('.react-flow__node[data-id="p5"]').click();
  await editor.getByTestId("inspector-consumer").check();
  await expect(viewer.getByTestId("warning")).toHaveCount(1);
  await expect(viewer.getByTestId("warning")).toContainText("Installer is marked as an ultimate consumer, yet passes goods on to Homeowner (“fitted”)");
  // Routes now end at the installer, and still add up to all of our volume, once.
  await expect(viewer.getByTestId("channel-path")).toHaveCount(3);
  await expect(viewer.getByTestId("channel-path").first()).not.toContainText("Homeowner");
  await expect(viewer.getByTestId("channel-share-total")).toHaveText("Together: 100% of our volume.");
});

test("the strategy view colours players by strategy, with a legend of counts and the sales team's segments", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: TEMPLATE });
  const a = await openAs(browser, board.view, "Victor");
  await openQuestions(a);
  await expect(a.getByTestId("strategy-legend")).toHaveCount(0);
  await expect(card(a, "p3")).not.toHaveAttribute("data-strategy");

  await a.getByTestId("strategy-view-toggle").click();
  await expect(a.getByTestId("strategy-view-toggle")).toHaveAttribute("aria-pressed", "true");
  await expect(a.getByTestId("strategy-legend")).toBeVisible();
  for (const strategy of STRATEGIES) {
    const count = template.players.filter((p) => p.strategy === strategy).length;
    await expect(a.getByTestId(`strategy-count-${strategy}`)).toHaveText(String(count));
  }
  await expect(card(a, "p3")).toHaveAttribute("data-strategy", "push");
  await expect(card(a, "p3")).toHaveAttribute("data-transaction", "direct");
  await expect(a.getByTestId("engagement-specification")).toContainText("Project installer");
  await expect(a.getByTestId("engagement-specification")).toContainText("Direct");

  // S switches it off again: normal cards, no legend.
  await a.locator(".react-flow__pane").click();
  await a.keyboard.press("s");
  await expect(a.getByTestId("strategy-legend")).toHaveCount(0);
  await expect(a.getByTestId("sales-engagement")).toHaveCount(0);
  await expect(card(a, "p3")).not.toHaveAttribute("data-strategy");
});

test("tidy layout puts the goods flow left to right for everyone, and one undo puts it back", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: TEMPLATE });
  const a = await openAs(browser, board.edit, "Alice");
  const b = await openAs(browser, board.edit, "Bob", "Operations");
  const goods = template.channels.filter((c) => c.flow === "goods");

  // Bob mirrors the board, so the goods flow runs right to left.
  await b.evaluate(() => {
    const doc = (window as unknown as { __chainboard: { doc: import("yjs").Doc } }).__chainboard.doc;
    const players = doc.getMap<import("yjs").Map<unknown>>("players");
    doc.transact(() => players.forEach((m) => m.set("x", 2000 - (m.get("x") as number))));
  });
  await expect.poll(async () => (await boardOf(a)).players.find((p) => p.id === "p1")!.x).toBe(2000);
  const mirrored = (await boardOf(a)).players;

  await a.getByTestId("tidy-layout").click();
  const leftToRight = async (page: Page) => {
    const x = new Map((await boardOf(page)).players.map((p) => [p.id, p.x]));
    return goods.every((c) => x.get(c.from)! < x.get(c.to)!);
  };
  await expect.poll(() => leftToRight(a)).toBe(true);
  await expect.poll(() => leftToRight(b)).toBe(true);
  await expect(a.getByTestId("undo")).toBeEnabled();

  await a.getByTestId("undo").click();
  await expect.poll(async () => (await boardOf(b)).players).toEqual(mirrored);
  expect((await boardOf(a)).players).toEqual(mirrored);
  // Tidying was Alice's only change: one step, and nothing left to undo.
  await expect(a.getByTestId("undo")).toBeDisabled();
});
