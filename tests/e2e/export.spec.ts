/**
 * Pictures of a board, exported in a real browser from the board menu: a PNG at 2x is the
 * expected size and shows each player's kind colour where the player is; transparent means
 * transparent; the SVG has one group per player and one path per channel; a selection exports
 * only itself; the strategy view exports its own legend.
 */
import type { Download, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { startServer, type RunningServer } from "../helpers/server";
import { createBoardVia, openAs } from "./helpers";
import { KIND_COLORS } from "@/lib/canvas/palette";
import type { BoardFile } from "@/lib/valuechain/model";

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function exported(boardId: string, token: string): Promise<BoardFile> {
  const res = await fetch(`${server.url}/api/boards/${boardId}/export`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as BoardFile;
}

async function openPictureDialog(page: Page) {
  await page.getByTestId("board-menu-button").click();
  await page.getByTestId("menu-export-picture").click();
  const dialog = page.getByTestId("picture-dialog");
  await expect(dialog).toBeVisible();
  return dialog;
}

async function save(page: Page): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("picture-save").click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { download, bytes: Buffer.concat(chunks) };
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** RGBA of each point of a PNG, decoded by the browser. */
function pixels(page: Page, png: Buffer, points: [number, number][]): Promise<number[][]> {
  return page.evaluate(
    async ({ b64, points }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(bitmap, 0, 0);
      return points.map(([x, y]) => [...ctx.getImageData(x, y, 1, 1).data]);
    },
    { b64: png.toString("base64"), points },
  );
}

const hexToRgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

test("a template board exports as a 2x PNG of the expected size, with each player's kind colour where the player is", async ({ browser }) => {
  const created = await createBoardVia(server.url, { template: "building-products" });
  const file = await exported(created.id, created.ownerToken);
  const page = await openAs(browser, created.owner, "Ada");

  const dialog = await openPictureDialog(page);
  await page.getByTestId("picture-format-png").check();
  await page.getByTestId("picture-scale").selectOption("2");
  await page.getByTestId("picture-background-white").check();
  const width = Number(await dialog.getAttribute("data-width"));
  const height = Number(await dialog.getAttribute("data-height"));
  const origin = { x: Number(await dialog.getAttribute("data-origin-x")), y: Number(await dialog.getAttribute("data-origin-y")) };
  const { download, bytes } = await save(page);
  expect(download.suggestedFilename()).toMatch(/\.2x\.png$/);
  expect(pngSize(bytes)).toEqual({ width: width * 2, height: height * 2 });

  // The kind's square on each card: 12 px in and 8 px down, 28 px a side; its top middle is free of the icon.
  const points = file.players.map((p) => [Math.round((p.x - origin.x + 26) * 2), Math.round((p.y - origin.y + 10) * 2)] as [number, number]);
  const seen = await pixels(page, bytes, [...points, [1, 1]]);
  file.players.forEach((p, i) => {
    const [r, g, b, a] = seen[i];
    const [er, eg, eb] = hexToRgb(KIND_COLORS[p.kind]);
    expect.soft([Math.abs(r - er) <= 3, Math.abs(g - eg) <= 3, Math.abs(b - eb) <= 3, a], `the colour of ${p.name} (${p.kind})`).toEqual([true, true, true, 255]);
  });
  expect(seen.at(-1)).toEqual([255, 255, 255, 255]);
});

test("a transparent PNG is transparent around the cards, and the shortcut opens the export", async ({ browser }) => {
  const created = await createBoardVia(server.url, { template: "industrial-components" });
  const page = await openAs(browser, created.owner, "Ben");
  await page.locator(".react-flow__pane").click();
  await page.keyboard.press("Control+Shift+E");
  const dialog = page.getByTestId("picture-dialog");
  await expect(dialog).toBeVisible();
  await page.getByTestId("picture-scale").selectOption("1");
  await page.getByTestId("picture-background-transparent").check();
  const width = Number(await dialog.getAttribute("data-width"));
  const { bytes } = await save(page);
  expect(pngSize(bytes).width).toBe(width);
  const [corner] = await pixels(page, bytes, [[1, 1]]);
  expect(corner[3]).toBe(0);
});

test("the SVG has one group per player and one path per channel, and a selection exports only itself", async ({ browser }) => {
  const created = await createBoardVia(server.url, { template: "building-products" });
  const file = await exported(created.id, created.ownerToken);
  const page = await openAs(browser, created.owner, "Cleo");

  await openPictureDialog(page);
  await page.getByTestId("picture-format-svg").check();
  const whole = await save(page);
  expect(whole.download.suggestedFilename()).toMatch(/\.svg$/);
  const counts = (svg: string) =>
    page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      if (doc.querySelector("parsererror")) throw new Error("the SVG does not parse");
      return {
        players: [...doc.querySelectorAll("g.player")].map((g) => g.getAttribute("data-id")).sort(),
        paths: [...doc.querySelectorAll("path")].map((p) => p.getAttribute("data-id")).sort(),
        legend: doc.querySelector("g.legend")?.getAttribute("data-view") ?? null,
      };
    }, svg);
  const all = await counts(whole.bytes.toString("utf8"));
  expect(all.players).toEqual(file.players.map((p) => p.id).sort());
  expect(all.paths).toEqual(file.channels.map((c) => c.id).sort());
  expect(all.legend).toBe("flows");

  // Two players joined by a channel, selected on the canvas.
  const joined = file.channels.find((c) => c.flow === "goods")!;
  await page.locator(`[data-player-id="${joined.from}"]`).click();
  await page.locator(`[data-player-id="${joined.to}"]`).click({ modifiers: ["Shift"] });
  await page.getByTestId("picture-dialog").waitFor({ state: "detached" });
  await openPictureDialog(page);
  await expect(page.getByTestId("picture-area-selection")).toBeChecked();
  await page.getByTestId("picture-format-svg").check();
  const part = await counts((await save(page)).bytes.toString("utf8"));
  expect(part.players).toEqual([joined.from, joined.to].sort());
  const among = file.channels.filter((c) => [joined.from, joined.to].includes(c.from) && [joined.from, joined.to].includes(c.to)).map((c) => c.id);
  expect(part.paths).toEqual(among.sort());

  // The strategy view exports its colours and outlines as the legend.
  await page.locator(".react-flow__pane").click();
  await page.keyboard.press("s");
  await openPictureDialog(page);
  await page.getByTestId("picture-area-board").check();
  await page.getByTestId("picture-format-svg").check();
  expect((await counts((await save(page)).bytes.toString("utf8"))).legend).toBe("strategy");
});
