/**
 * Two people typing in the same free-text field at the same moment, in two browsers, against
 * the real server: every character of both survives, on both screens and on the server, and
 * undo afterwards takes back only one's own words and never deletes what the other worked on.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { startServer, type RunningServer } from "../helpers/server";
import { boardOf, openAs } from "./helpers";

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const PLAYER = { id: "p1", name: "Logistics partner", kind: "distributor", x: 200, y: 200 };

/** A board with one player, created from a file (the same path as an import). */
async function boardWithOnePlayer() {
  const res = await fetch(`${server.url}/api/boards/import`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ format: "chainboard/v1", title: "Race", players: [PLAYER], channels: [] }),
  });
  expect(res.status).toBe(201);
  const b = (await res.json()) as { id: string; editToken: string; viewToken: string };
  return { ...b, edit: `${server.url}/b/${b.id}#t=${b.editToken}` };
}

async function exported(board: { id: string; viewToken: string }) {
  const res = await fetch(`${server.url}/api/boards/${board.id}/export`, { headers: { authorization: `Bearer ${board.viewToken}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as { title: string; players: { id: string; name: string; why: string; notes: string }[] };
}

async function selectPlayer(page: Page, id: string) {
  await page.locator(`.react-flow__node[data-id="${id}"]`).click();
  await expect(page.getByTestId("inspector-name")).toBeVisible();
}

/** Puts the caret at the start or the end of a field, as a person would with the keyboard. */
async function caretAt(field: Locator, where: "start" | "end") {
  await field.click();
  const multiline = await field.evaluate((el) => el instanceof HTMLTextAreaElement);
  const key = where === "start" ? "Home" : "End";
  await field.press(multiline ? `Control+${key}` : key);
}

async function saved(...pages: Page[]) {
  for (const page of pages) await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
}

test("two people typing at the start and the end of the same name keep every character, everywhere", async ({ browser }) => {
  const board = await boardWithOnePlayer();
  const a = await openAs(browser, board.edit, "Alice");
  const b = await openAs(browser, board.edit, "Bob", "Marketing");
  await selectPlayer(a, "p1");
  await selectPlayer(b, "p1");
  const nameA = a.getByTestId("inspector-name");
  const nameB = b.getByTestId("inspector-name");
  await caretAt(nameA, "end");
  await caretAt(nameB, "start");
  // Each sees the other in the field before typing.
  await expect(nameA).toHaveAttribute("data-editors", "Bob");
  await expect(nameB).toHaveAttribute("data-editors", "Alice");

  await Promise.all([a.keyboard.type(" AAA", { delay: 45 }), b.keyboard.type("BBB ", { delay: 80 })]);

  const expected = "BBB Logistics partner AAA";
  await expect(nameA).toHaveValue(expected);
  await expect(nameB).toHaveValue(expected);
  await saved(a, b);
  expect((await exported(board)).players[0].name).toBe(expected);
  await expect(a.locator('.react-flow__node[data-id="p1"]')).toContainText(expected);

  // Each caret stayed where its owner was typing: one more letter lands next to their own.
  await a.keyboard.type("!");
  await b.keyboard.type("#");
  await expect(nameA).toHaveValue("BBB #Logistics partner AAA!");
  await expect(nameB).toHaveValue("BBB #Logistics partner AAA!");
});

test("typing into Why? and Notes at once, at different speeds and places, loses nothing", async ({ browser }) => {
  const board = await boardWithOnePlayer();
  const a = await openAs(browser, board.edit, "Alice");
  const b = await openAs(browser, board.edit, "Bob", "Finance");
  await selectPlayer(a, "p1");
  await selectPlayer(b, "p1");

  const whyA = a.getByTestId("inspector-why");
  const whyB = b.getByTestId("inspector-why");
  await whyA.click();
  await a.keyboard.type("Buys direct. ", { delay: 10 });
  await expect(whyB).toHaveValue("Buys direct. ");
  await caretAt(whyA, "end");
  await caretAt(whyB, "start");
  await Promise.all([a.keyboard.type("Alice says yes. ", { delay: 25 }), b.keyboard.type("Bob says no. ", { delay: 60 })]);
  await expect(whyA).toHaveValue("Bob says no. Buys direct. Alice says yes. ");
  await expect(whyB).toHaveValue("Bob says no. Buys direct. Alice says yes. ");

  // Both at the very same spot (the end of an empty field): each word stays in one piece.
  const notesA = a.getByTestId("inspector-notes");
  const notesB = b.getByTestId("inspector-notes");
  await notesA.click();
  await notesB.click();
  await Promise.all([a.keyboard.type("ALPHA", { delay: 30 }), b.keyboard.type("OMEGA", { delay: 30 })]);
  await expect.poll(async () => [await notesA.inputValue(), await notesB.inputValue()].join("|")).toMatch(/^(ALPHAOMEGA|OMEGAALPHA)\|\1$/);

  await saved(a, b);
  const onServer = (await exported(board)).players[0];
  expect(onServer.why).toBe("Bob says no. Buys direct. Alice says yes. ");
  expect(onServer.notes).toBe(await notesA.inputValue());
});

test("undo after the race takes back only one's own words and garbles nothing", async ({ browser }) => {
  const board = await boardWithOnePlayer();
  const a = await openAs(browser, board.edit, "Alice");
  const b = await openAs(browser, board.edit, "Bob", "Sales");
  await selectPlayer(a, "p1");
  await selectPlayer(b, "p1");
  const nameA = a.getByTestId("inspector-name");
  const nameB = b.getByTestId("inspector-name");
  await caretAt(nameA, "end");
  await caretAt(nameB, "start");
  await Promise.all([a.keyboard.type(" north east", { delay: 35 }), b.keyboard.type("BBB ", { delay: 50 })]);
  await expect(nameB).toHaveValue("BBB Logistics partner north east");

  // Word by word: first " east", then " north"; Bob's text is untouched throughout.
  await nameA.press("Control+z");
  await expect(nameA).toHaveValue("BBB Logistics partner north");
  await nameA.press("Control+z");
  await expect(nameA).toHaveValue("BBB Logistics partner");
  await expect(nameB).toHaveValue("BBB Logistics partner");
  await nameA.press("Control+Shift+z");
  await expect(nameB).toHaveValue("BBB Logistics partner north");
  await saved(a, b);
  expect((await exported(board)).players[0].name).toBe("BBB Logistics partner north");
});

test("undoing the creation of a player someone else has since named keeps it, and says so", async ({ browser }) => {
  const board = await boardWithOnePlayer();
  const a = await openAs(browser, board.edit, "Alice");
  const b = await openAs(browser, board.edit, "Bob", "Operations");
  await a.getByTestId("palette-installer").click();
  await expect(b.getByTestId("player-node")).toHaveCount(2);
  const created = (await boardOf(a)).players.find((p) => p.id !== "p1")!;

  await selectPlayer(b, created.id);
  const nameB = b.getByTestId("inspector-name");
  await nameB.fill("Certified installer");
  await expect(a.locator(`.react-flow__node[data-id="${created.id}"]`)).toContainText("Certified installer");

  // Alice's focus is still on the palette button she used: the board's shortcut undoes.
  await a.keyboard.press("Control+z");
  await expect(a.getByTestId("undo-kept")).toContainText("Bob");
  await expect(a.getByTestId("player-node")).toHaveCount(2);
  await expect(b.getByTestId("player-node")).toHaveCount(2);
  await saved(a, b);
  const names = (await exported(board)).players.map((p) => p.name).sort();
  expect(names).toEqual(["Certified installer", "Logistics partner"]);
});

test("an older board whose fields are plain strings becomes collaborative on the first edit, even when two people start at once", async ({ browser }) => {
  const board = await boardWithOnePlayer();
  const a = await openAs(browser, board.edit, "Alice");
  const b = await openAs(browser, board.edit, "Bob", "Finance");
  // What a stock client or an older Chainboard writes: plain strings.
  await a.evaluate(() => {
    const { doc } = window.__chainboard!;
    doc.transact(() => {
      doc.getMap("meta").set("title", "Plain title");
      (doc.getMap("players").get("p1") as import("yjs").Map<unknown>).set("name", "Plain name");
    });
  });
  await expect(b.getByTestId("board-title")).toHaveValue("Plain title");
  const titleA = a.getByTestId("board-title");
  const titleB = b.getByTestId("board-title");
  await caretAt(titleA, "end");
  await caretAt(titleB, "start");
  await Promise.all([a.keyboard.type(" FY27", { delay: 20 }), b.keyboard.type("Sales ", { delay: 20 })]);
  await expect(titleA).toHaveValue("Sales Plain title FY27");
  await expect(titleB).toHaveValue("Sales Plain title FY27");
  await saved(a, b);
  expect((await exported(board)).title).toBe("Sales Plain title FY27");
});
