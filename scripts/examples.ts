/**
 * Regenerates the pictures in docs/examples through the product itself: the real server and
 * production build, a Chromium page, the board menu's picture export. Run with
 * `node --import tsx scripts/examples.ts` after a change to how boards are drawn.
 */
import path from "node:path";
import { chromium } from "@playwright/test";
import { buildIfStale } from "./build-if-stale.mjs";
import { startServer } from "../tests/helpers/server";

const OUT = path.join(import.meta.dirname, "..", "docs", "examples");
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

buildIfStale();
const server = await startServer({ env: { LOG_LEVEL: "error" } });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ARGS });
try {
  const res = await fetch(`${server.url}/api/boards`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ template: "building-products" }) });
  const board = (await res.json()) as { id: string; ownerToken: string };
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript({ content: `localStorage.setItem("chainboard.identity", JSON.stringify({ name: "Examples", fn: "Sales" }))` });
  const page = await context.newPage();
  await page.goto(`${server.url}/b/${board.id}#t=${board.ownerToken}`);
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
  for (const [view, file] of [["flows", "building-products.png"], ["strategy", "building-products-strategy.png"]] as const) {
    await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
    if (view === "strategy") await page.keyboard.press("s");
    await page.keyboard.press("Control+Shift+E");
    await page.getByTestId("picture-scale").selectOption("2");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("picture-save").click()]);
    await download.saveAs(path.join(OUT, file));
    console.log(`wrote docs/examples/${file}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
