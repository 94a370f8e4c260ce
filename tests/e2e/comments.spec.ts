/**
 * Comment threads with two people on one board: a thread one starts appears live for the other
 * with the unread mark and the count on the player; reply with an @mention that is highlighted
 * for the person named; resolve; a viewer reads but cannot write; a deleted player's thread
 * stays, detached.
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

const card = (page: Page, id: string) => page.locator(`[data-testid="player-node"][data-player-id="${id}"]`);

test("a comment appears live for the other with its unread mark and count; reply with a mention, resolve", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: "building-products" });
  const alice = await openAs(browser, board.edit, "Alice", "Sales");
  const bob = await openAs(browser, board.edit, "Bob", "Finance");
  const dealer = (await boardOf(alice)).players.find((p) => p.name === "Window dealer")!;

  await card(alice, dealer.id).click();
  await alice.getByTestId("tab-comments").click();
  await alice.getByTestId("comment-input").fill("Is the dealer really a customer?");
  await alice.getByTestId("comment-send").click();

  // Bob has not opened the comments: the card's count and the tab's unread count tell him.
  await expect(card(bob, dealer.id).getByTestId("comment-count")).toHaveText("1");
  await expect(bob.getByTestId("comments-unread-count")).toHaveText("1");
  await expect(bob.getByTestId("comment-announcer")).toHaveText("New comment from Alice: Is the dealer really a customer?");
  await card(bob, dealer.id).getByTestId("comment-count").click();
  const thread = bob.getByTestId("comment-thread");
  await expect(thread).toHaveAttribute("data-unread", "true");
  await expect(thread.getByTestId("comment-message")).toContainText("Alice");
  await expect(thread.getByTestId("comment-message")).toContainText("Sales");
  await expect(thread.getByTestId("comment-anchor")).toHaveText(/Window dealer/);

  // @ offers the people on the board; Enter takes the highlighted one.
  const reply = thread.getByTestId("comment-reply-input");
  await reply.fill("");
  await reply.pressSequentially("@Ali");
  await expect(bob.getByTestId("mention-options")).toContainText("@Alice");
  await reply.press("Enter");
  await expect(reply).toHaveValue("@Alice ");
  await reply.pressSequentially("yes, we invoice them");
  await reply.press("Enter");
  // Seen once it has been in view a moment.
  await expect(thread).toHaveAttribute("data-unread", "false", { timeout: 10_000 });

  await alice.getByTestId("tab-comments").click();
  const aliceThread = alice.getByTestId("comment-thread");
  await expect(aliceThread.getByTestId("comment-message")).toHaveCount(2);
  await expect(aliceThread.getByTestId("comment-mention-me")).toHaveText("@Alice");
  await aliceThread.getByTestId("comment-resolve").click();
  await expect(card(bob, dealer.id).getByTestId("comment-count")).toHaveCount(0);
  await expect(alice.getByTestId("comment-thread")).toHaveCount(0);
  await alice.getByTestId("comments-filter-resolved").click();
  await expect(alice.getByTestId("comment-thread")).toHaveAttribute("data-resolved", "true");
});

test("a viewer reads threads and cannot write; a deleted player's thread stays, detached", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: "building-products" });
  const editor = await openAs(browser, board.edit, "Cleo");
  const viewer = await openAs(browser, board.view, "Dan");
  const architect = (await boardOf(editor)).players.find((p) => p.name === "Architect")!;

  await card(editor, architect.id).click();
  await expect(editor.getByTestId("inspector-comment")).toHaveText("Comment");
  await card(editor, architect.id).click({ button: "right" });
  await editor.getByTestId("menu-comment").click();
  await editor.getByTestId("comment-input").fill("Do architects specify us by name?");
  await editor.getByTestId("comment-send").click();

  await viewer.getByTestId("tab-comments").click();
  await expect(viewer.getByTestId("comment-thread")).toContainText("Do architects specify us by name?");
  await expect(viewer.getByTestId("comment-input")).toHaveCount(0);
  await expect(viewer.getByTestId("comment-reply-input")).toHaveCount(0);
  await expect(viewer.getByTestId("comment-resolve")).toHaveCount(0);

  await card(editor, architect.id).click();
  await editor.keyboard.press("Delete");
  await expect(card(viewer, architect.id)).toHaveCount(0);
  await expect(viewer.getByTestId("comment-anchor")).toHaveText(/Detached/);
  await expect(viewer.getByTestId("comment-thread")).toContainText("Do architects specify us by name?");
});

test("a comment on the canvas is pinned where it was made, for everyone, and the pin opens it", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: "industrial-components" });
  const ada = await openAs(browser, board.edit, "Ada");
  const ben = await openAs(browser, board.edit, "Ben");
  await ada.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
  await ada.getByTestId("tab-comments").click();
  await ada.getByTestId("comment-input").fill("Where do the spare parts go?");
  await ada.getByTestId("comment-send").click();
  await expect(ada.getByTestId("comment-anchor")).toHaveText("On the canvas");

  const pin = ben.getByTestId("comment-pin");
  await expect(pin).toBeVisible();
  await pin.click();
  await expect(ben.getByTestId("comments-panel").getByTestId("comment-thread")).toContainText("Where do the spare parts go?");
  await ben.getByTestId("comment-resolve").click();
  await expect(ada.getByTestId("comment-pin")).toHaveCount(0);
});
