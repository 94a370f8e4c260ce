/**
 * Versions in the browser: save, browse, open read-only, compare (on the canvas and as a
 * shared link) and restore for everyone, with two or three people on one board against the
 * real server.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { startServer, type RunningServer } from "../helpers/server";
import { boardOf, drawChannel, openAs } from "./helpers";

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const player = (id: string, name: string, kind: string, x: number, y: number, extra: Record<string, unknown> = {}) => ({ id, name, kind, x, y, ...extra });

/**
 * Us → Dealer → Consumer in goods (one parallel channel), and an installer on no route. Far
 * apart, so a channel can be drawn from one card to another.
 */
const START = {
  format: "chainboard/v1",
  title: "FY27 value chain",
  players: [
    player("us", "Us", "manufacturer", 0, 0, { isUs: true }),
    player("dealer", "Dealer", "distributor", 400, 0, { customer: "yes", why: "They buy from us" }),
    player("consumer", "Consumer", "end-user", 800, 0, { consumer: true }),
    player("old", "Old installer", "installer", 400, 260),
  ],
  channels: [
    { id: "c1", from: "us", to: "dealer", flow: "goods" },
    { id: "c2", from: "dealer", to: "consumer", flow: "goods" },
  ],
};

async function importBoard() {
  const res = await fetch(`${server.url}/api/boards/import`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(START) });
  expect(res.status).toBe(201);
  const b = (await res.json()) as { id: string; ownerToken: string; editToken: string; viewToken: string };
  const link = (token: string) => `${server.url}/b/${b.id}#t=${token}`;
  return { ...b, owner: link(b.ownerToken), edit: link(b.editToken), view: link(b.viewToken) };
}

async function openVersions(page: Page) {
  await page.getByTestId("versions-button").click();
  await expect(page.getByTestId("versions-drawer")).toBeVisible();
}

async function saveVersion(page: Page, name: string, note = "") {
  await page.getByTestId("version-name").fill(name);
  if (note) await page.getByTestId("version-note").fill(note);
  await page.getByTestId("save-version").click();
  await expect(page.getByTestId("version-item").filter({ hasText: name })).toHaveCount(1);
}

const versionItem = (page: Page, name: string) => page.getByTestId("version-item").filter({ has: page.getByTestId("version-item-name").getByText(name, { exact: true }) });
const compareCanvas = (page: Page) => page.locator('[data-testid="version-canvas"][data-mode="compare"]');
const diffCards = (page: Page, kind: string) => compareCanvas(page).locator(`[data-testid="diff-card"][data-diff="${kind}"]`);
const liveCard = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"] [data-testid="player-node"]`).first();

/** What the compare view must show for the saved version against the board after Bob's edits. */
async function expectComparison(page: Page, retailerId: string) {
  await expect(page.getByTestId("compare-banner")).toContainText("Comparing “Before the workshop” with the live board");
  const canvas = compareCanvas(page);
  const added = diffCards(page, "added");
  await expect(added).toHaveCount(1);
  await expect(added).toHaveAttribute("data-player-id", retailerId);
  await expect(added.getByTestId("player-node")).toContainText("Retailer");
  const ghost = diffCards(page, "removed");
  await expect(ghost).toHaveCount(1);
  await expect(ghost).toHaveAttribute("data-player-id", "old");
  await expect(ghost).toContainText("Old installer");
  await expect(ghost).toHaveCSS("opacity", "0.5");
  await expect(ghost).toHaveCSS("outline-style", "dashed");
  // Drawn where it was: the ghost's node is placed at the removed player's position.
  await expect(canvas.locator('.react-flow__node[data-id="old"]')).toHaveCSS("transform", "matrix(1, 0, 0, 1, 400, 260)");
  await expect(canvas.locator('[data-testid="diff-card"][data-diff="changed"], [data-testid="diff-card"][data-diff="moved"]')).toHaveCount(0);
  await expect(canvas.locator('[data-testid="diff-channel"][data-diff="added"]')).toHaveCount(1);

  const answers = page.getByTestId("answers-diff");
  await expect(answers).toContainText("Parallel channels: 1 → 2 (+ Us → Consumer)");
  await expect(answers.getByTestId("answer-change").filter({ hasText: "Players:" })).toContainText("+ Retailer");
  await expect(answers.getByTestId("answer-change").filter({ hasText: "Players:" })).toContainText("− Old installer");
  await expect(answers.getByTestId("count-players-added")).toHaveText("1");
  await expect(answers.getByTestId("count-players-removed")).toHaveText("1");
  await expect(answers.getByTestId("count-players-changed")).toHaveText("0");
  await expect(answers.getByTestId("count-channels-added")).toHaveText("1");
  await expect(answers.getByTestId("count-channels-removed")).toHaveText("0");
}

test("a saved version is compared with the live board (also from a shared link), restored for everyone, and Ctrl+Z undoes the restore", async ({ browser }) => {
  const board = await importBoard();
  const alice = await openAs(browser, board.owner, "Alice", "Sales");
  const bob = await openAs(browser, board.edit, "Bob", "Finance");

  // Alice saves the board as it is.
  await openVersions(alice);
  await expect(alice.getByTestId("versions-empty")).toBeVisible();
  await saveVersion(alice, "Before the workshop", "As agreed in March");
  const item = versionItem(alice, "Before the workshop");
  await expect(item).toHaveAttribute("data-auto", "false");
  await expect(item.getByTestId("version-item-author")).toHaveText("Alice");
  await expect(item).toContainText("just now");
  await expect(item).toContainText("As agreed in March");
  const saved = await boardOf(alice);

  // Bob adds a retailer, deletes the old installer and draws a direct goods channel to the consumer.
  await bob.getByTestId("palette-retailer").click();
  await expect(bob.getByTestId("player-node")).toHaveCount(5);
  await liveCard(bob, "old").click();
  await bob.keyboard.press("Delete");
  await expect(bob.getByTestId("player-node")).toHaveCount(4);
  await drawChannel(bob, "us", "consumer");
  await expect.poll(async () => (await boardOf(bob)).channels.length).toBe(3);
  await expect(bob.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  const edited = await boardOf(bob);
  const retailerId = edited.players.find((p) => p.kind === "retailer")!.id;
  expect(edited.channels).toContainEqual(expect.objectContaining({ from: "us", to: "consumer", flow: "goods" }));
  await expect.poll(async () => JSON.stringify(await boardOf(alice))).toBe(JSON.stringify(edited));

  // Alice compares her version with the live board.
  await item.getByTestId("compare-live").click();
  await expect(alice.getByTestId("versions-drawer")).toHaveCount(0);
  await expectComparison(alice, retailerId);
  const url = new URL(alice.url());
  const pair = url.searchParams.get("compare");
  expect(pair).toMatch(/^[\w-]+\.\.live$/);
  expect(url.toString()).not.toContain(board.ownerToken);
  // The live board keeps syncing underneath, and the palette is away while looking at the past.
  await expect(alice.locator('[data-testid^="palette-"]')).toHaveCount(0);

  // The same comparison, opened from the link by a viewer in another browser.
  const carol = await openAs(browser, `${server.url}/b/${board.id}?compare=${pair}#t=${board.viewToken}`, "Carol", "Marketing");
  await expectComparison(carol, retailerId);

  // Back to live puts the plain link back.
  await carol.getByTestId("back-to-live").click();
  await expect(carol.getByTestId("version-view")).toHaveCount(0);
  expect(new URL(carol.url()).searchParams.get("compare")).toBeNull();
  expect(carol.url()).not.toContain(board.viewToken);

  // Alice restores the version: everyone's board is the saved one again.
  await openVersions(alice);
  await item.getByTestId("restore-version").click();
  await alice.getByTestId("confirm-restore").click();
  await expect(alice.getByTestId("version-notice")).toHaveText("Restored “Before the workshop” — the previous state was saved as an automatic version");
  await expect(alice.getByTestId("version-view")).toHaveCount(0);
  await expect(alice.getByTestId("versions-drawer")).toHaveCount(0);
  expect(new URL(alice.url()).searchParams.get("compare")).toBeNull();
  for (const page of [alice, bob, carol]) await expect.poll(async () => JSON.stringify(await boardOf(page))).toBe(JSON.stringify(saved));
  await expect(liveCard(bob, "old")).toBeVisible();
  await expect(bob.locator(`.react-flow__node[data-id="${retailerId}"]`)).toHaveCount(0);

  // The state before the restore was kept as an automatic version, listed first.
  await openVersions(alice);
  await expect(alice.getByTestId("version-item")).toHaveCount(2);
  await expect(alice.getByTestId("version-item").first()).toHaveAttribute("data-auto", "true");
  await expect(alice.getByTestId("version-item").first()).toContainText("Before restoring “Before the workshop”");
  await alice.getByTestId("versions-close").click();
  await expect(alice.getByTestId("versions-drawer")).toHaveCount(0);

  // Ctrl+Z by Alice brings the board before the restore back, for everyone.
  await alice.keyboard.press("Control+z");
  for (const page of [alice, bob, carol]) await expect.poll(async () => JSON.stringify(await boardOf(page))).toBe(JSON.stringify(edited));
  await expect(bob.locator(`.react-flow__node[data-id="${retailerId}"]`)).toHaveCount(1);
});

test("two versions compare field by field; a version opens read-only; versions are renamed and deleted by role", async ({ browser }) => {
  const board = await importBoard();
  const alice = await openAs(browser, board.owner, "Alice");
  await openVersions(alice);
  await saveVersion(alice, "First draft");

  // Rename the dealer, make it a non-customer, and move the consumer well away.
  await alice.evaluate(() => {
    const doc = (window as unknown as { __chainboard: { doc: import("yjs").Doc } }).__chainboard.doc;
    const players = doc.getMap<import("yjs").Map<unknown>>("players");
    doc.transact(() => {
      players.get("dealer")!.set("name", "Reseller");
      players.get("dealer")!.set("customer", "no");
      players.get("consumer")!.set("y", 300);
    });
  });
  await expect(alice.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await saveVersion(alice, "Second draft");
  // Newest first.
  await expect(alice.getByTestId("version-item-name")).toHaveText(["Second draft", "First draft"]);

  const firstId = await versionItem(alice, "First draft").getAttribute("data-version-id");
  const secondId = await versionItem(alice, "Second draft").getAttribute("data-version-id");

  // Compare with…: start from the newer, pick the older; the older is always the "from" side.
  await versionItem(alice, "Second draft").getByTestId("compare-with").click();
  await versionItem(alice, "First draft").getByTestId("compare-pick").click();
  await expect(alice.getByTestId("compare-banner")).toContainText("Comparing “First draft” with “Second draft”");
  expect(new URL(alice.url()).searchParams.get("compare")).toBe(`${firstId}..${secondId}`);
  const canvas = compareCanvas(alice);
  const changed = diffCards(alice, "changed");
  await expect(changed).toHaveCount(1);
  await expect(changed).toHaveAttribute("data-player-id", "dealer");
  await expect(changed).toHaveAttribute("title", /name: Dealer → Reseller/);
  await expect(changed).toHaveAttribute("title", /customer: yes → no/);
  // The tooltip is there to be read: the card takes the pointer although nothing on it can be changed.
  await changed.hover();
  const moved = diffCards(alice, "moved");
  await expect(moved).toHaveAttribute("data-player-id", "consumer");
  await expect(canvas.locator('[data-testid="move-arrow"][data-player-id="consumer"]')).toHaveCount(1);
  await expect(alice.getByTestId("answers-diff")).toContainText("Customers: − Reseller");
  await expect(alice.getByTestId("answers-diff")).toContainText("Not customers: + Reseller");
  await expect(alice.getByTestId("count-players-moved")).toHaveText("1");

  // Opening the first draft shows it as it was, read-only, until Back to live.
  await openVersions(alice);
  await versionItem(alice, "First draft").getByTestId("open-version").click();
  await expect(alice.getByTestId("version-banner")).toContainText("Viewing version “First draft”");
  const version = alice.locator('[data-testid="version-canvas"][data-mode="version"]');
  await expect(version.getByTestId("player-node")).toHaveCount(4);
  await expect(version.locator('.react-flow__node[data-id="dealer"]')).toContainText("Dealer");
  expect(new URL(alice.url()).searchParams.get("compare")).toBeNull();
  await alice.getByTestId("back-to-live").click();
  await expect(alice.getByTestId("version-view")).toHaveCount(0);
  await expect(liveCard(alice, "dealer")).toContainText("Reseller");

  // An editor renames; only the owner deletes, after confirming.
  const eve = await openAs(browser, board.edit, "Eve");
  await openVersions(eve);
  await expect(eve.getByTestId("delete-version")).toHaveCount(0);
  await versionItem(eve, "Second draft").getByTestId("rename-version").click();
  await eve.getByTestId("rename-input").fill("Second draft, reviewed");
  await eve.getByTestId("rename-save").click();
  await expect(eve.getByTestId("version-item-name")).toHaveText(["Second draft, reviewed", "First draft"]);

  await openVersions(alice);
  await expect(alice.getByTestId("version-item-name")).toHaveText(["Second draft, reviewed", "First draft"]);
  await versionItem(alice, "First draft").getByTestId("delete-version").click();
  await alice.getByTestId("confirm-delete").click();
  await expect(alice.getByTestId("version-item-name")).toHaveText(["Second draft, reviewed"]);

  // A viewer browses and compares, but neither saves nor restores.
  const victor = await openAs(browser, board.view, "Victor");
  await openVersions(victor);
  await expect(victor.getByTestId("version-item")).toHaveCount(1);
  await expect(victor.getByTestId("version-name")).toHaveCount(0);
  await expect(victor.getByTestId("restore-version")).toHaveCount(0);
  await expect(victor.getByTestId("rename-version")).toHaveCount(0);
  await victor.getByTestId("compare-live").click();
  await expect(victor.getByTestId("compare-banner")).toContainText("Comparing “Second draft, reviewed” with the live board");
  await expect(victor.getByTestId("answers-unchanged")).toBeVisible();
});

test("an open version reads like the board: its own answers and warnings, its cards read-only, its own address through reload and Back", async ({ browser }) => {
  const board = await importBoard();
  const alice = await openAs(browser, board.owner, "Alice");
  await openVersions(alice);
  await saveVersion(alice, "Before the workshop");
  const versionId = await versionItem(alice, "Before the workshop").getAttribute("data-version-id");
  await alice.getByTestId("versions-close").click();

  // The live board moves on: nobody is us any more, and the dealer is renamed with another reason.
  await alice.evaluate(() => {
    const doc = (window as unknown as { __chainboard: { doc: import("yjs").Doc } }).__chainboard.doc;
    const players = doc.getMap<import("yjs").Map<unknown>>("players");
    doc.transact(() => {
      players.get("us")!.set("isUs", false);
      players.get("dealer")!.set("name", "Reseller");
      players.get("dealer")!.set("why", "They resell our range");
    });
  });
  await expect(alice.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  const sidebar = alice.getByTestId("sidebar");
  await alice.getByTestId("tab-questions").click();
  await expect(sidebar.getByTestId("warning")).toHaveCount(2);
  await expect(sidebar.getByTestId("our-stage")).toHaveCount(0);

  // Opening the version gives it its own address, beside the token.
  await openVersions(alice);
  await versionItem(alice, "Before the workshop").getByTestId("open-version").click();
  await expect(alice.getByTestId("version-banner")).toContainText("Viewing version “Before the workshop”");
  const url = new URL(alice.url());
  expect(url.searchParams.get("version")).toBe(versionId);
  expect(url.toString()).not.toContain(board.ownerToken);
  await alice.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));

  /** What the side panel must say while the version is open: the version's answers, not the live board's. */
  const expectVersionPanel = async () => {
    await expect(sidebar.getByTestId("sidebar-version")).toContainText("Before the workshop");
    await alice.getByTestId("tab-questions").click();
    await expect(sidebar.getByTestId("our-stage")).toHaveText("stage 1 of 3");
    await expect(sidebar.getByTestId("warning")).toHaveCount(1);
    await expect(sidebar.getByTestId("warning")).toContainText("Old installer has no channel");
    await expect(alice.getByTestId("questions-warning-count")).toHaveText("1");
    await expect(sidebar.getByTestId("questions-panel")).toContainText("Dealer");
    await expect(sidebar.getByTestId("questions-panel")).not.toContainText("Reseller");
  };
  await expectVersionPanel();

  // A card of the version opens in the inspector as it was, to read only.
  const version = alice.locator('[data-testid="version-canvas"][data-mode="version"]');
  await version.locator('.react-flow__node[data-id="dealer"] [data-testid="player-node"]').click();
  await alice.getByTestId("tab-inspect").click();
  const inspector = alice.getByTestId("inspector");
  await expect(inspector).toContainText("Dealer");
  await expect(inspector).toContainText("They buy from us");
  await expect(inspector.locator("input, textarea, select, [contenteditable=true]")).toHaveCount(0);
  await expect(inspector.getByRole("button")).toHaveCount(0);
  await expect(version.locator('.react-flow__node[data-id="dealer"] [data-testid="player-node"]')).toHaveClass(/outline-indigo-500/);
  // The live board underneath was not touched.
  expect((await boardOf(alice)).players.find((p) => p.id === "dealer")!.name).toBe("Reseller");

  // A click on the empty canvas clears the selection.
  await version.locator(".react-flow__pane").click({ position: { x: 30, y: 300 } });
  await expect(inspector.getByTestId("version-help")).toBeVisible();

  // Back returns to the live board, without leaving the page; Forward opens the version again.
  await alice.goBack();
  await expect(alice.getByTestId("version-view")).toHaveCount(0);
  expect(new URL(alice.url()).searchParams.get("version")).toBeNull();
  expect(alice.url()).not.toContain(board.ownerToken);
  await expect(sidebar.getByTestId("sidebar-version")).toHaveCount(0);
  await alice.getByTestId("tab-questions").click();
  await expect(sidebar.getByTestId("warning")).toHaveCount(2);
  expect(await alice.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
  await alice.goForward();
  await expect(alice.getByTestId("version-banner")).toContainText("Viewing version “Before the workshop”");

  // A reload lands on the version again, and so does its link in another browser.
  await alice.reload();
  await expect(alice.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await expect(alice.getByTestId("version-banner")).toContainText("Viewing version “Before the workshop”");
  await expectVersionPanel();
  await alice.getByTestId("back-to-live").click();
  await expect(alice.getByTestId("version-view")).toHaveCount(0);
  expect(new URL(alice.url()).searchParams.get("version")).toBeNull();

  // The version's link offered to others is the view link, not Alice's owner link.
  await alice.goBack();
  await expect(alice.getByTestId("version-banner")).toBeVisible();
  await alice.getByTestId("version-link-button").click();
  const shared = await alice.getByTestId("version-link-view").inputValue();
  expect(new URL(shared).hash).toBe(`#t=${board.viewToken}`);
  expect(new URL(shared).searchParams.get("version")).toBe(versionId);
  const victor = await openAs(browser, shared, "Victor");
  await expect(victor.getByTestId("version-banner")).toContainText("Viewing version “Before the workshop”");
  await expect(victor.getByTestId("sidebar-version")).toBeVisible();
});

test("the compare link offered is the board's view link, also to an editor, who finds it in Share too", async ({ browser }) => {
  const board = await importBoard();
  const eve = await openAs(browser, board.edit, "Eve");
  await openVersions(eve);
  await saveVersion(eve, "Baseline");
  await versionItem(eve, "Baseline").getByTestId("compare-live").click();
  await expect(eve.getByTestId("compare-banner")).toBeVisible();
  const pair = new URL(eve.url()).searchParams.get("compare");
  expect(pair).toMatch(/^[\w-]+\.\.live$/);

  await eve.getByTestId("comparison-link-button").click();
  const link = new URL(await eve.getByTestId("comparison-link-view").inputValue());
  expect(link.hash).toBe(`#t=${board.viewToken}`);
  expect(link.searchParams.get("compare")).toBe(pair);
  expect(link.toString()).not.toContain(board.editToken);
  await eve.keyboard.press("Escape");

  await eve.getByTestId("share-button").click();
  await expect(eve.getByTestId("share-link-view")).toHaveValue(board.view);
  await expect(eve.getByTestId("share-link-current-view")).toHaveValue(link.toString());
  await expect(eve.getByTestId("share-link-edit")).toHaveCount(0);
  await expect(eve.getByTestId("share-link-owner")).toHaveCount(0);

  // Whoever opens it can look but not change anything.
  const carol = await openAs(browser, link.toString(), "Carol");
  await expect(carol.getByTestId("compare-banner")).toContainText("Comparing “Baseline” with the live board");
  await expect(carol.getByTestId("role")).toHaveText("Viewer");
});
