/**
 * Links that do not leak (issue 12): a board link carries its token in the fragment, which the
 * browser never sends; the page moves it out of the address bar into the tab's memory, a reload
 * still opens the board, and old `?t=` links still open. A wrong link and a board that does not
 * exist look the same.
 */
import { expect, test } from "./fixtures";
import { startServer, type RunningServer } from "../helpers/server";
import { createBoardVia, openAs } from "./helpers";

let server: RunningServer;

test.beforeAll(async () => {
  // Request logs on: what the server saw is checked for the token.
  server = await startServer({ env: { LOG_LEVEL: "info" } });
});
test.afterAll(async () => {
  await server?.stop();
});

test("a #t= link opens the board, the token leaves the address bar and never reaches the server, and a reload still opens it", async ({ browser }) => {
  const board = await createBoardVia(server.url, { title: "Fragment" });
  expect(board.edit).toContain("#t=");
  const page = await openAs(browser, board.edit, "Alice");
  expect(page.url()).toBe(`${server.url}/b/${board.id}`);
  await page.getByTestId("palette-retailer").click();
  await expect(page.getByTestId("player-node")).toHaveCount(1);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  await page.reload();
  await expect(page.getByTestId("player-node")).toHaveCount(1);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  expect(page.url()).not.toContain(board.editToken);
  // The page's own requests send the token as a bearer header; the address bar's never did.
  expect(server.output()).toContain(`/b/${board.id}`);
  expect(server.output()).not.toContain(board.editToken);
});

test("an old ?t= link still opens the board, and its token is taken out of the address bar too", async ({ browser }) => {
  const board = await createBoardVia(server.url, { title: "Old link" });
  const page = await openAs(browser, `${server.url}/b/${board.id}?t=${board.viewToken}`, "Bob");
  expect(page.url()).toBe(`${server.url}/b/${board.id}`);
  await expect(page.getByTestId("readonly-banner")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("readonly-banner")).toBeVisible();
  // The offline shell keeps the page under its address without the token.
  const cached = () =>
    page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
      return urls;
    });
  await expect.poll(async () => (await cached()).some((u) => u.endsWith(`/b/${board.id}`))).toBe(true);
  expect((await cached()).filter((u) => u.includes(board.viewToken))).toEqual([]);
});

test("a wrong link and a board that does not exist show the same page, and the API answers both alike", async ({ browser }) => {
  const board = await createBoardVia(server.url, { title: "Exists" });
  const context = await browser.newContext();
  const page = await context.newPage();
  const wrong = "W".repeat(43);
  const screens: string[] = [];
  for (const link of [`${server.url}/b/${board.id}#t=${wrong}`, `${server.url}/b/no-such-board-0000000000#t=${wrong}`, `${server.url}/b/no-such-board-0000000000#t=${board.editToken}`]) {
    await page.goto(link);
    const alert = page.getByTestId("access-problem");
    await expect(alert).toContainText("This link no longer opens the board");
    screens.push(await alert.innerText());
    expect(page.url()).not.toContain("#t=");
  }
  expect(new Set(screens).size).toBe(1);
  const answers = await Promise.all(
    [board.id, "no-such-board-0000000000"].map(async (id) => {
      const res = await fetch(`${server.url}/api/boards/${id}`, { headers: { authorization: `Bearer ${wrong}` } });
      return { status: res.status, body: await res.text() };
    }),
  );
  expect(answers[0]).toEqual(answers[1]);
  expect(answers[0].status).toBe(401);
});

test("a board link without its key says so", async ({ browser }) => {
  const board = await createBoardVia(server.url);
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/b/${board.id}`);
  await expect(page.getByTestId("access-problem")).toContainText("This link is incomplete");
});

test("the owner replaces the owner link: this page goes on with the new one, the old one opens nothing", async ({ browser }) => {
  const board = await createBoardVia(server.url, { title: "New owner link" });
  const owner = await openAs(browser, board.owner, "Olivia");
  await owner.getByTestId("palette-retailer").click();
  await expect(owner.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  await owner.getByTestId("share-button").click();
  await expect(owner.getByTestId("share-link-owner")).toHaveValue(board.owner);
  await owner.getByTestId("replace-owner-link").click();
  await expect(owner.getByRole("group", { name: /Replace your owner link/ })).toContainText("this page reopens with the new one");
  // The page reopens on its own with the new link and is still the owner's.
  await Promise.all([owner.waitForEvent("load"), owner.getByTestId("confirm-replace-owner").click()]);
  await expect(owner.getByTestId("player-node")).toHaveCount(1);
  await expect(owner.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await expect(owner.getByTestId("role")).toHaveText("Owner");
  expect(owner.url()).toBe(`${server.url}/b/${board.id}`);
  await owner.getByTestId("share-button").click();
  const fresh = await owner.getByTestId("share-link-owner").inputValue();
  expect(fresh).toMatch(new RegExp(`^${server.url}/b/${board.id}#t=[\\w-]+$`));
  expect(fresh).not.toBe(board.owner);
  await owner.keyboard.press("Escape");

  // An edit after the replacement reaches someone who opened the new owner link.
  const second = await openAs(browser, fresh, "Oscar");
  await owner.getByTestId("palette-installer").click();
  await expect(second.getByTestId("player-node")).toHaveCount(2);

  const stale = await (await browser.newContext()).newPage();
  await stale.goto(board.owner);
  await expect(stale.getByTestId("access-problem")).toContainText("This link no longer opens the board");
});
