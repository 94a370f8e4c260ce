/**
 * The board report from the board menu, in a real browser: the HTML report opens in a new tab
 * with the board's answers, and a saved copy of it opens (styled, diagram and all) with the
 * network cut off; the PDF downloads through the dialog, with its progress, and reads back
 * with the board's title; the changes since a chosen version are in it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { startServer, type RunningServer } from "../helpers/server";
import { readPdf } from "../helpers/pdf";
import { createBoardVia, openAs } from "./helpers";

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function openReportDialog(page: Page) {
  await page.getByTestId("board-menu-button").click();
  await page.getByTestId("menu-report").click();
  const dialog = page.getByTestId("report-dialog");
  await expect(dialog).toBeVisible();
  return dialog;
}

test("the HTML report opens in a new tab with the answers, and a saved copy opens offline", async ({ browser }) => {
  const created = await createBoardVia(server.url, { template: "building-products" });
  const page = await openAs(browser, created.edit, "Ada", "Marketing");
  const dialog = await openReportDialog(page);
  await expect(dialog.getByTestId("report-since")).toHaveValue("");

  const [tab] = await Promise.all([page.context().waitForEvent("page"), dialog.getByTestId("report-open-html").click()]);
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toBe(`/api/boards/${created.id}/report`);
  await expect(tab.locator("h1")).toHaveText("Building products value chain");
  await expect(tab.locator("[data-channel-count]")).toHaveText("3 distribution channels from us to a consumer.");
  // Ada is on the board, so the report says she was present.
  await expect(tab.locator("[data-present=connected]")).toContainText("Ada (Marketing)");
  // The report's own inline <style> applies under its policy (a policy violation fails the test too).
  expect(await tab.locator("h1").evaluate((h) => getComputedStyle(h).fontSize)).not.toBe(await tab.locator("p.meta").evaluate((p) => getComputedStyle(p).fontSize));
  await expect(tab.locator("figure.diagram svg g.player")).toHaveCount(8);

  // Save the page as it came from the server, cut the network, and open the copy.
  const html = await (await tab.request.get(tab.url())).text();
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "chainboard-report-")), "report.html");
  writeFileSync(file, html);
  await tab.context().setOffline(true);
  try {
    const offline = await tab.context().newPage();
    const requests: string[] = [];
    offline.on("request", (r) => requests.push(r.url()));
    await offline.goto(pathToFileURL(file).href);
    await expect(offline.locator("h1")).toHaveText("Building products value chain");
    await expect(offline.locator("[data-channel-count]")).toHaveText("3 distribution channels from us to a consumer.");
    await expect(offline.locator("[data-question]")).toHaveCount(8);
    await expect(offline.locator("[data-question='8']")).toContainText("How many parallel distribution channels are there?");
    await expect(offline.locator("#strategy tbody tr")).toHaveCount(8);
    // Styled and drawn without the network: the channel count's pill has its colour, the icons are in the SVG.
    expect(await offline.locator(".count").first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(238, 242, 255)");
    expect(await offline.locator("figure.diagram svg").evaluate((svg) => svg.getBoundingClientRect().width)).toBeGreaterThan(600);
    // Nothing but the file itself and its data: images was asked for.
    expect(requests.filter((url) => !url.startsWith("data:") && url !== pathToFileURL(file).href)).toEqual([]);
  } finally {
    await tab.context().setOffline(false);
  }
});

test("the PDF downloads through the dialog with the changes since the chosen version", async ({ browser }) => {
  const created = await createBoardVia(server.url, { template: "industrial-components" });
  const saved = await fetch(`${server.url}/api/boards/${created.id}/versions`, {
    method: "POST",
    headers: { authorization: `Bearer ${created.editToken}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "Before the review" }),
  });
  expect(saved.status).toBe(201);
  const version = (await saved.json()) as { id: string };
  const page = await openAs(browser, created.edit, "Ben");
  // A change after the version: the board's title.
  await page.getByTestId("board-title").fill("Bearings FY27");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  const dialog = await openReportDialog(page);
  const since = dialog.getByTestId("report-since");
  await expect(since.locator("option")).toHaveCount(2);
  await since.selectOption(version.id);

  // Keyboard only: focus the download button and press Enter.
  await dialog.getByTestId("report-download-pdf").focus();
  const downloading = page.waitForEvent("download", { timeout: 60_000 });
  await page.keyboard.press("Enter");
  await expect(dialog.getByTestId("report-progress")).toHaveText("Rendering PDF…");
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("Bearings-FY27.pdf");
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const pdf = await readPdf(new Uint8Array(Buffer.concat(chunks)));
  expect(pdf.numPages).toBeGreaterThanOrEqual(1);
  expect(pdf.title).toBe("Bearings FY27");
  expect(pdf.text).toContain("Bearings FY27");
  expect(pdf.text).toContain("Changes since “Before the review”");
  await expect(dialog.getByTestId("report-download-pdf")).toHaveText("Download PDF");
  await expect(dialog.getByTestId("report-error")).toHaveCount(0);

  // Escape closes the dialog.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test("a failed PDF shows the server's message in the dialog", async ({ browser }) => {
  const bare = await startServer({ env: { CHROMIUM_PATH: "/nonexistent/chromium" } });
  try {
    const created = await createBoardVia(bare.url, { template: "building-products" });
    const page = await openAs(browser, created.view, "Cy");
    const dialog = await openReportDialog(page);
    await dialog.getByTestId("report-download-pdf").click();
    await expect(dialog.getByTestId("report-error")).toContainText("PDF reports need Chromium");
  } finally {
    await bare.stop();
  }
});
