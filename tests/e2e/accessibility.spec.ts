/**
 * WCAG 2.2 AA on the home page and every view of a board (axe-core in Chromium: no serious or
 * critical violations), and the board with the keyboard alone: Tab follows the chain, focus
 * is visible, a channel is drawn without a pointer, channels are named by flow and ends.
 */
import AxeBuilder from "@axe-core/playwright";
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

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Serious and critical violations on the page as it is now, described for the failure message. */
async function seriousViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${what}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

test("the home page and every view of a board have no serious or critical accessibility violations", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: "building-products" });
  const owner = await openAs(browser, board.owner, "Maria", "Sales");
  const found: string[] = [];

  found.push(...(await seriousViolations(owner, "board")));
  await owner.getByTestId("player-node").first().click();
  await expect(owner.getByTestId("inspector-name")).toBeVisible();
  found.push(...(await seriousViolations(owner, "inspector")));

  await owner.getByTestId("tab-questions").click();
  await expect(owner.getByTestId("questions-panel")).toBeVisible();
  found.push(...(await seriousViolations(owner, "questions")));

  await owner.getByTestId("tab-comments").click();
  await owner.getByTestId("comment-input").fill("Is this one a customer, @Maria?");
  await owner.getByTestId("comment-send").click();
  await expect(owner.getByTestId("comment-thread")).toBeVisible();
  await owner.getByTestId("palette-note").click();
  await owner.getByTestId("palette-frame").click();
  found.push(...(await seriousViolations(owner, "comments, a note and a frame")));

  await owner.getByTestId("board-menu-button").click();
  await expect(owner.getByTestId("board-menu")).toBeVisible();
  found.push(...(await seriousViolations(owner, "board menu")));
  for (const [item, dialog] of [
    ["menu-export-picture", "picture-dialog"],
    ["menu-report", "report-dialog"],
    ["menu-duplicate-board", "duplicate-dialog"],
  ]) {
    if (!(await owner.getByTestId("board-menu").isVisible())) await owner.getByTestId("board-menu-button").click();
    await owner.getByTestId(item).click();
    await expect(owner.getByTestId(dialog)).toBeVisible();
    found.push(...(await seriousViolations(owner, dialog)));
    await owner.keyboard.press("Escape");
    await expect(owner.getByTestId(dialog)).toHaveCount(0);
  }

  await owner.getByTestId("versions-button").click();
  await expect(owner.getByTestId("versions-drawer")).toBeVisible();
  found.push(...(await seriousViolations(owner, "versions")));
  await owner.getByTestId("versions-button").click();

  await owner.getByTestId("workshop-button").click();
  await expect(owner.getByTestId("workshop-panel")).toBeVisible();
  found.push(...(await seriousViolations(owner, "workshop")));

  await owner.goto(`${server.url}/`);
  await expect(owner.getByRole("heading", { level: 1 })).toBeVisible();
  found.push(...(await seriousViolations(owner, "home")));

  expect(found).toEqual([]);
});

test("with the keyboard alone: Tab follows the chain, focus is visible, and C draws a channel", async ({ browser }) => {
  const res = await fetch(`${server.url}/api/boards/import`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      format: "chainboard/v1",
      title: "Keyboard",
      // Ids and positions deliberately out of chain order; the homeowner is not linked yet.
      players: [
        { id: "z", name: "Homeowner", kind: "end-user", x: 0, y: 300, consumer: true },
        { id: "a", name: "Builders' merchant", kind: "distributor", x: 600, y: 0 },
        { id: "m", name: "Window maker", kind: "manufacturer", x: 300, y: 200, isUs: true },
        { id: "b", name: "Installer", kind: "installer", x: 0, y: 0 },
      ],
      channels: [
        { id: "c2", from: "a", to: "b", flow: "goods" },
        { id: "c1", from: "m", to: "a", flow: "goods" },
      ],
    }),
  });
  expect(res.status).toBe(201);
  const { id, editToken } = (await res.json()) as { id: string; editToken: string };
  const page = await openAs(browser, `${server.url}/b/${id}#t=${editToken}`, "Kim", "Operations");

  // Tab through the page: the cards come along the chain, then the channel, named by flow and ends.
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  const reached: string[] = [];
  for (let i = 0; i < 80 && reached.length < 6; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return null;
      if (el.classList.contains("react-flow__node")) return `card:${el.dataset.id}`;
      if (el.dataset.testid === "channel-focus") return `channel:${el.getAttribute("aria-label")}`;
      return null;
    });
    if (focused && !reached.includes(focused)) reached.push(focused);
  }
  expect(reached).toEqual(["card:m", "card:a", "card:b", "card:z", "channel:Goods: Window maker to Builders' merchant", "channel:Goods: Builders' merchant to Installer"]);
  // The focused channel shows a ring along its line.
  await expect(page.locator('[data-testid="channel"][data-id="c2"] [data-testid="channel-focus-ring"]')).toHaveCount(1);

  // A focused card shows a ring.
  const card = page.locator('.react-flow__node[data-id="a"]');
  await card.focus();
  expect(await card.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");

  // Enter selects it; C draws a channel from it to a player picked from the list.
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("inspector-name")).toHaveValue("Builders' merchant");
  await card.focus();
  await page.keyboard.press("c");
  const dialog = page.getByTestId("connect-dialog");
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId("connect-to")).toBeFocused();
  await page.keyboard.press("End"); // the last player in the list, along the chain: the homeowner
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space"); // the first flow, goods, is already chosen; Space keeps it
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect.poll(async () => (await boardOf(page)).channels).toContainEqual(expect.objectContaining({ from: "a", to: "z", flow: "goods" }));
  await expect(page.locator(`[data-testid="channel-focus"][aria-label="Goods: Builders' merchant to Homeowner"]`)).toHaveCount(1);
});
