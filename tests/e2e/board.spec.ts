/**
 * Two (or more) people on one board in separate browser contexts, against the real server
 * process and its database.
 */
import { expect, test } from "./fixtures";
import { startServer, type RunningServer } from "../helpers/server";
import { boardOf, createBoardVia, drawChannel, openAs } from "./helpers";

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test("A adds players and draws a channel; B sees both", async ({ browser }) => {
  const board = await createBoardVia(server.url, { title: "Shared picture" });
  const a = await openAs(browser, board.edit, "Alice", "Sales");
  const b = await openAs(browser, board.owner, "Bob", "Finance");

  await a.getByTestId("palette-manufacturer").click();
  await a.getByTestId("palette-distributor").click();
  await expect(a.getByTestId("player-node")).toHaveCount(2);
  const [first, second] = (await boardOf(a)).players;
  await drawChannel(a, first.id, second.id);

  await expect(b.getByTestId("player-node")).toHaveCount(2);
  await expect(b.getByTestId("channel")).toHaveCount(1);
  const seenByB = await boardOf(b);
  expect(seenByB.channels).toEqual([expect.objectContaining({ from: first.id, to: second.id, flow: "goods" })]);
  expect(seenByB).toEqual(await boardOf(a));
});

test("B renames a player while A drags it; both changes survive", async ({ browser }) => {
  const board = await createBoardVia(server.url, { title: "Concurrent" });
  const a = await openAs(browser, board.edit, "Alice");
  const b = await openAs(browser, board.edit, "Bob", "Marketing");
  await a.getByTestId("palette-retailer").click();
  await expect(b.getByTestId("player-node")).toHaveCount(1);
  const before = (await boardOf(a)).players[0];

  await b.getByTestId("player-node").click();
  const nameInput = b.getByTestId("inspector-name");
  await expect(nameInput).toBeVisible();

  const node = a.getByTestId("player-node");
  const box = (await node.boundingBox())!;
  await a.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await a.mouse.down();
  const drag = (async () => {
    for (let i = 1; i <= 20; i++) {
      await a.mouse.move(box.x + box.width / 2 + i * 10, box.y + box.height / 2 + i * 6);
      await a.waitForTimeout(15);
    }
    await a.mouse.up();
  })();
  const rename = (async () => {
    await nameInput.fill("");
    await nameInput.pressSequentially("Reseller", { delay: 20 });
  })();
  await Promise.all([drag, rename]);

  await expect.poll(async () => (await boardOf(a)).players[0].name).toBe("Reseller");
  await expect.poll(async () => (await boardOf(b)).players[0].x).not.toBe(before.x);
  await expect.poll(async () => JSON.stringify(await boardOf(b))).toBe(JSON.stringify(await boardOf(a)));
  const after = (await boardOf(a)).players[0];
  expect(after.x).toBeGreaterThan(before.x + 100);
  await expect(a.getByTestId("player-node")).toContainText("Reseller");
});

test("A sees B's cursor with B's name", async ({ browser }) => {
  const board = await createBoardVia(server.url);
  const a = await openAs(browser, board.edit, "Alice");
  const b = await openAs(browser, board.edit, "Bianca", "Operations");
  await expect(a.locator('[data-testid="avatar"][title*="Bianca"]')).toHaveCount(1);
  const pane = b.locator(".react-flow__pane");
  const box = (await pane.boundingBox())!;
  for (let i = 0; i < 10; i++) await b.mouse.move(box.x + 300 + i * 10, box.y + 200 + i * 5);
  await expect(a.getByTestId("remote-cursor")).toContainText("Bianca");
});

test("a view link shows the board read-only and its writes never reach anyone", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: "building-products" });
  const viewer = await openAs(browser, board.view, "Victor");
  const editor = await openAs(browser, board.edit, "Eve");
  await expect(viewer.getByTestId("readonly-banner")).toBeVisible();
  await expect(viewer.locator('[data-testid^="palette-"]')).toHaveCount(0);
  const count = await viewer.getByTestId("player-node").count();
  expect(count).toBeGreaterThan(3);
  await viewer.getByTestId("player-node").first().click();
  await viewer.keyboard.press("Delete");
  await expect(viewer.getByTestId("player-node")).toHaveCount(count);
  await expect(viewer.getByTestId("inspector-name")).toHaveCount(0);
  // Even a write forced into the viewer's own document is dropped by the server.
  await viewer.evaluate(() => {
    const doc = (window as unknown as { __chainboard: { doc: import("yjs").Doc } }).__chainboard.doc;
    doc.getMap("meta").set("title", "Defaced");
  });
  await editor.getByTestId("board-title").fill("Edited by Eve");
  await expect(viewer.getByTestId("board-title")).toHaveValue(/Edited by Eve|Defaced/);
  await editor.waitForTimeout(500);
  expect((await boardOf(editor)).title).toBe("Edited by Eve");
});

test("the owner replaces the view link from Share: open sessions with it are cut off, the old link's page says so, the popover shows the new link", async ({ browser }) => {
  const board = await createBoardVia(server.url, { title: "Links" });
  const owner = await openAs(browser, board.owner, "Olivia");
  const viewer = await openAs(browser, board.view, "Victor");

  await owner.getByTestId("share-button").click();
  await expect(owner.getByTestId("share-link-edit")).toHaveValue(board.edit);
  await expect(owner.getByTestId("share-link-view")).toHaveValue(board.view);
  await expect(owner.getByTestId("share-link-owner")).toHaveValue(board.owner);

  await owner.getByTestId("replace-view-link").click();
  const warning = owner.getByRole("group", { name: /Replace the view link/ });
  await expect(warning).toContainText("Everyone who opened the board with the current one is disconnected at once");
  await owner.getByTestId("confirm-replace-view").click();
  await expect(owner.getByTestId("replaced-view")).toContainText("1 open session was disconnected");
  const fresh = await owner.getByTestId("share-link-view").inputValue();
  expect(fresh).not.toBe(board.view);
  expect(fresh).toMatch(new RegExp(`^${server.url}/b/${board.id}#t=[\\w-]+$`));
  // The edit link was left as it was.
  await expect(owner.getByTestId("share-link-edit")).toHaveValue(board.edit);

  // Victor's open page is cut off and says why; the old link's page then says it no longer opens the board.
  await expect(viewer.getByTestId("save-status")).toHaveAttribute("data-state", "refused");
  await expect(viewer.getByTestId("save-status")).toContainText("This link was replaced by the board's owner");
  await viewer.reload();
  await expect(viewer.getByRole("heading", { name: "This link no longer opens the board" })).toBeVisible();

  // The new link opens the board read-only, and the popover opened again still shows it.
  const again = await openAs(browser, fresh, "Victor");
  await expect(again.getByTestId("role")).toHaveText("Viewer");
  await owner.keyboard.press("Escape");
  await owner.getByTestId("share-button").click();
  await expect(owner.getByTestId("share-link-view")).toHaveValue(fresh);
});

test("an editor sees the Share popover with the view link, and gives out no edit or owner link", async ({ browser }) => {
  const board = await createBoardVia(server.url, { title: "For editors" });
  const editor = await openAs(browser, board.edit, "Eve");
  await editor.getByTestId("share-button").click();
  const popover = editor.getByTestId("share-popover");
  await expect(popover).toBeVisible();
  await expect(editor.getByTestId("share-link-view")).toHaveValue(board.view);
  await expect(popover.locator("input")).toHaveCount(1);
  await expect(popover).not.toContainText(board.editToken);
  await expect(editor.getByTestId("replace-view-link")).toHaveCount(0);
  await expect(editor.getByTestId("replace-edit-link")).toHaveCount(0);
});

test("after a full server restart and a reload the board is unchanged", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: "software-resellers" });
  const a = await openAs(browser, board.edit, "Alice");
  await a.getByTestId("palette-installer").click();
  await expect(a.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  const before = await boardOf(a);

  expect(await server.stop()).toBe(0);
  await expect(a.getByTestId("save-status")).not.toHaveAttribute("data-state", "saved");
  server = await startServer({ databaseUrl: server.databaseUrl, port: server.port });
  await a.reload();
  await expect(a.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await expect(a.getByTestId("player-node")).toHaveCount(before.players.length);
  expect(await boardOf(a)).toEqual(before);
});

test("a reload while the server is down still shows the last state, and offline edits merge on reconnect", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: "industrial-components" });
  const a = await openAs(browser, board.edit, "Alice");
  const count = await a.getByTestId("player-node").count();
  const before = await boardOf(a);
  // The offline shell has stored this page.
  await a.waitForFunction(() => caches.match(location.href).then(Boolean));

  await server.stop();
  await expect(a.getByTestId("save-status")).toHaveAttribute("data-state", /offline|connecting/);
  await a.reload();
  await expect(a.getByTestId("player-node")).toHaveCount(count);
  expect(await boardOf(a)).toEqual(before);

  await a.getByTestId("palette-specifier").click();
  await expect(a.getByTestId("player-node")).toHaveCount(count + 1);
  await expect(a.getByTestId("save-status")).toHaveAttribute("data-state", /offline|connecting/);
  await expect(a.getByTestId("save-status")).toContainText(/kept on this device|onnecting/);

  server = await startServer({ databaseUrl: server.databaseUrl, port: server.port });
  await expect(a.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 45_000 });
  const b = await openAs(browser, board.view, "Bob");
  await expect(b.getByTestId("player-node")).toHaveCount(count + 1);
});

test("the README screenshot shows a real board with two people on it", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: "building-products" });
  const a = await openAs(browser, board.owner, "Maria Lopez", "Sales");
  const b = await openAs(browser, board.edit, "Tom Becker", "Finance");
  await b.getByTestId("player-node").nth(3).click();
  const pane = b.locator(".react-flow__pane");
  const box = (await pane.boundingBox())!;
  for (let i = 0; i < 8; i++) await b.mouse.move(box.x + box.width * 0.55 + i * 4, box.y + box.height * 0.62 + i * 3);
  await expect(a.getByTestId("remote-cursor")).toContainText("Tom Becker");
  await a.getByTestId("player-node").first().click();
  const path = process.env.UPDATE_SCREENSHOTS ? "docs/screenshot.png" : test.info().outputPath("screenshot.png");
  await a.screenshot({ path });
});
