/**
 * Taking a board out of the room: a picture (PNG at 2x and SVG, exported in Chromium from the
 * board menu, from the click on Save to the finished download) and the PDF report (the
 * server's GET …/report?format=pdf, rendered by its Chromium). Boards of 8 and 500 players;
 * figures are medians over rounds, with the ratio of the 500-player board to the 8-player one
 * measured in the same run, the two sizes alternating within each round.
 */
import { chromium, type Browser, type Page } from "@playwright/test";
import { buildIfStale } from "../scripts/build-if-stale.mjs";
import type { BoardFile } from "../lib/valuechain/model";
import { renderBoardSvg } from "../lib/picture/boardSvg";
import { startServer } from "../tests/helpers/server";
import { openBoard, prepareContext, settle, STEP_TIMEOUT_MS, withTimeout } from "./canvasProbes";
import { generateBoard } from "./generateBoard";
import { median } from "./stats";

const BOARD_PLAYERS = [8, 500] as const;
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

interface Sample {
  svgRenderMs: number;
  pngMs: number;
  pngBytes: number;
  svgMs: number;
  svgBytes: number;
  pdfMs: number;
  pdfBytes: number;
}

async function importBoard(baseUrl: string, file: BoardFile): Promise<{ id: string; token: string }> {
  const res = await fetch(`${baseUrl}/api/boards/import`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(file) });
  if (res.status !== 201) throw new Error(`importing the ${file.players.length}-player board failed: ${res.status} ${await res.text()}`);
  const { id, editToken } = (await res.json()) as { id: string; editToken: string };
  return { id, token: editToken };
}

/** From the click on Save to the whole file read back: what a person waits for. */
async function timedDownload(page: Page, format: "png" | "svg"): Promise<{ ms: number; bytes: number }> {
  await page.keyboard.press("Control+Shift+E");
  await page.getByTestId("picture-dialog").waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
  await page.getByTestId(`picture-format-${format}`).check();
  if (format === "png") await page.getByTestId("picture-scale").selectOption("2");
  const started = performance.now();
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: STEP_TIMEOUT_MS }), page.getByTestId("picture-save").click()]);
  let bytes = 0;
  for await (const chunk of await download.createReadStream()) bytes += (chunk as Buffer).length;
  const ms = performance.now() - started;
  await page.getByTestId("picture-dialog").waitFor({ state: "detached", timeout: STEP_TIMEOUT_MS });
  return { ms, bytes };
}

async function timedPdf(baseUrl: string, board: { id: string; token: string }): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/boards/${board.id}/report?format=pdf`, { headers: { authorization: `Bearer ${board.token}` }, signal: AbortSignal.timeout(STEP_TIMEOUT_MS) });
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`the PDF report answered ${res.status}: ${Buffer.from(body).toString().slice(0, 300)}`);
  return { ms: performance.now() - started, bytes: body.byteLength };
}

async function measure(browser: Browser, baseUrl: string, file: BoardFile): Promise<Sample> {
  const board = await importBoard(baseUrl, file);
  const renderStarted = performance.now();
  renderBoardSvg(file);
  const svgRenderMs = performance.now() - renderStarted;
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  try {
    await prepareContext(context);
    const page = await context.newPage();
    await openBoard(page, `${baseUrl}/b/${board.id}?t=${board.token}`);
    await settle(page);
    await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
    const png = await withTimeout(timedDownload(page, "png"), "export the PNG");
    const svg = await withTimeout(timedDownload(page, "svg"), "export the SVG");
    const pdf = await timedPdf(baseUrl, board);
    return { svgRenderMs, pngMs: png.ms, pngBytes: png.bytes, svgMs: svg.ms, svgBytes: svg.bytes, pdfMs: pdf.ms, pdfBytes: pdf.bytes };
  } finally {
    await context.close();
  }
}

const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
const kb = (n: number) => `${Math.round(n / 1024)} KB`;

export async function benchExport(rounds = 3): Promise<void> {
  console.log(`\n## Export: PNG (2x), SVG and PDF report of boards of ${BOARD_PLAYERS.join(" and ")} players (${rounds} rounds, medians)`);
  buildIfStale();
  const files = BOARD_PLAYERS.map((n) => generateBoard(n));
  const samples: Sample[][] = files.map(() => []);
  const server = await startServer({ env: { LOG_LEVEL: "error" } });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: CHROMIUM_ARGS, timeout: STEP_TIMEOUT_MS });
    // The first export pays for compiling the page's code and starting the server's Chromium.
    console.log(`warm-up (not counted): ${JSON.stringify(await measure(browser, server.url, files[0]), (_, v: unknown) => (typeof v === "number" ? Math.round(v) : v))}`);
    for (let round = 1; round <= rounds; round++) {
      for (const [i, file] of files.entries()) {
        const s = await measure(browser, server.url, file);
        samples[i].push(s);
        console.log(`round ${round}, ${file.players.length} players: PNG ${ms(s.pngMs)} (${kb(s.pngBytes)}), SVG ${ms(s.svgMs)} (${kb(s.svgBytes)}), PDF ${ms(s.pdfMs)} (${kb(s.pdfBytes)}), SVG render in Node ${ms(s.svgRenderMs)}`);
      }
    }
  } finally {
    await browser?.close();
    await server.stop();
  }
  const med = (i: number, key: keyof Sample) => median(samples[i].map((s) => s[key]));
  console.log("\n| players | channels | PNG 2x | SVG | PDF report | SVG render (Node) |");
  console.log("|---|---|---|---|---|---|");
  files.forEach((f, i) => console.log(`| ${f.players.length} | ${f.channels.length} | ${ms(med(i, "pngMs"))} | ${ms(med(i, "svgMs"))} | ${ms(med(i, "pdfMs"))} | ${ms(med(i, "svgRenderMs"))} |`));
  const ratio = (key: keyof Sample) => (med(1, key) / med(0, key)).toFixed(2);
  console.log(`\n${files[1].players.length} vs ${files[0].players.length} players: PNG ×${ratio("pngMs")}, SVG ×${ratio("svgMs")}, PDF ×${ratio("pdfMs")}`);
}
