/**
 * Sticky notes and frames on the canvas, with two people on one board: a note written by one
 * appears for the other, becomes a player in one undoable step, and a frame moved by its
 * title carries what lies inside it (and nothing outside).
 */
import { expect, test } from "./fixtures";
import { startServer, type RunningServer } from "../helpers/server";
import { openAs } from "./helpers";
import type { BoardFile } from "@/lib/valuechain/model";

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function importBoard(file: Record<string, unknown>) {
  const res = await fetch(`${server.url}/api/boards/import`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(file) });
  expect(res.status).toBe(201);
  const b = (await res.json()) as { id: string; ownerToken: string; viewToken: string };
  return { ...b, owner: `${server.url}/b/${b.id}#t=${b.ownerToken}`, view: `${server.url}/b/${b.id}#t=${b.viewToken}` };
}

async function exported(id: string, token: string): Promise<BoardFile> {
  const res = await fetch(`${server.url}/api/boards/${id}/export`, { headers: { authorization: `Bearer ${token}` } });
  return (await res.json()) as BoardFile;
}

test("a sticky note written by one appears for the other and becomes a player in one undoable step", async ({ browser }) => {
  const board = await importBoard({ format: "chainboard/v1", title: "Workshop", players: [{ id: "us", name: "Us", kind: "manufacturer", isUs: true, x: 0, y: 0 }] });
  const alice = await openAs(browser, board.owner, "Alice", "Sales");
  const bob = await openAs(browser, board.owner, "Bob", "Finance");

  await alice.getByTestId("palette-note").click();
  const note = alice.getByTestId("note-node");
  await expect(note).toHaveCount(1);
  await note.dblclick();
  await alice.getByTestId("note-text-input").fill("Kitchen studios\nsell to homeowners, maybe 10%");
  await alice.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
  await expect(bob.getByTestId("note-text")).toHaveText("Kitchen studios\nsell to homeowners, maybe 10%");
  await expect(bob.getByTestId("note-node")).toContainText("Alice");

  // With the keyboard: Enter on the focused note writes in it, Escape leaves.
  await note.click();
  await alice.keyboard.press("Enter");
  await expect(alice.getByTestId("note-text-input")).toBeFocused();
  await alice.keyboard.press("Escape");
  await expect(alice.getByTestId("note-text-input")).toHaveCount(0);

  await note.click();
  await alice.getByTestId("note-to-player").selectOption("retailer");
  await expect(alice.getByTestId("note-node")).toHaveCount(0);
  const made = bob.locator('[data-testid="player-node"]', { hasText: "Kitchen studios" });
  await expect(made).toBeVisible();
  await expect(bob.getByTestId("note-node")).toHaveCount(0);
  const file = await exported(board.id, board.ownerToken);
  expect(file.players.find((p) => p.name === "Kitchen studios")).toMatchObject({ kind: "retailer", notes: "sell to homeowners, maybe 10%" });

  // One undo brings the note back and takes the player away, for everyone.
  await alice.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
  await alice.keyboard.press("Control+z");
  await expect(bob.getByTestId("note-node")).toHaveCount(1);
  await expect(made).toHaveCount(0);
});

test("moving a frame moves the players and notes inside it, and nothing outside", async ({ browser }) => {
  const board = await importBoard({
    format: "chainboard/v1",
    title: "Frames",
    players: [
      { id: "in", name: "Inside", kind: "retailer", x: 100, y: 100 },
      { id: "out", name: "Outside", kind: "retailer", x: 900, y: 100 },
    ],
    channels: [{ id: "c", from: "in", to: "out", flow: "goods" }],
    notes: [{ id: "n", text: "inside too", color: "blue", x: 100, y: 260 }],
    frames: [{ id: "f", title: "Export markets", x: 50, y: 50, width: 500, height: 420 }],
  });
  const page = await openAs(browser, board.owner, "Cleo");
  const viewer = await openAs(browser, board.view, "Dan");
  await expect(page.getByTestId("frame-title")).toHaveText("Export markets");

  const title = page.getByTestId("frame-title");
  const box = (await title.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width / 2 + 12 * i, box.y + box.height / 2 + 6 * i);
  await page.mouse.up();

  await expect
    .poll(async () => {
      const f = await exported(board.id, board.ownerToken);
      const frame = f.frames![0];
      const inside = f.players.find((p) => p.id === "in")!;
      const note = f.notes![0];
      const outside = f.players.find((p) => p.id === "out")!;
      return { frameMoved: frame.x !== 50, carried: [inside.x - frame.x, inside.y - frame.y, note.x - frame.x, note.y - frame.y], outside: [outside.x, outside.y] };
    })
    .toEqual({ frameMoved: true, carried: [50, 50, 50, 210], outside: [900, 100] });

  // Resizing it from its top-left corner moves its edge, not what is inside.
  const before = await exported(board.id, board.ownerToken);
  await page.getByTestId("frame-title").click();
  const corner = page.locator(".react-flow__resize-control.handle.top.left");
  const c = (await corner.boundingBox())!;
  await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(c.x + c.width / 2 - 5 * i, c.y + c.height / 2 - 5 * i);
  await page.mouse.up();
  await expect.poll(async () => (await exported(board.id, board.ownerToken)).frames![0].width).toBeGreaterThan(before.frames![0].width);
  const after = await exported(board.id, board.ownerToken);
  expect(after.frames![0].x).toBeLessThan(before.frames![0].x);
  expect(after.players.map((p) => [p.id, p.x, p.y])).toEqual(before.players.map((p) => [p.id, p.x, p.y]));
  expect(after.notes).toEqual(before.notes);

  // The viewer sees the frame and the note, and has nothing to add them with.
  await expect(viewer.getByTestId("frame-node")).toHaveCount(1);
  await expect(viewer.getByTestId("note-node")).toHaveCount(1);
  await expect(viewer.getByTestId("palette-note")).toHaveCount(0);
});
