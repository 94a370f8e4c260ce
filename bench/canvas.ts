/**
 * The canvas in Chromium: generated boards of 8, 300 and 1,000 players (1.5 channels per
 * player) opened through the real server and production build. Per board: time to the first
 * player card, a 30-step drag (wall time and 95th percentile frame gap), and the time from an
 * edit to the updated answers. Figures are medians over rounds, with ratios against the
 * 8-player board measured in the same run; the sizes alternate within each round so that
 * the noise of this shared machine falls on all of them alike.
 */
import { chromium, type Browser } from "@playwright/test";
import { buildIfStale } from "../scripts/build-if-stale.mjs";
import type { BoardFile } from "../lib/valuechain/model";
import { startServer } from "../tests/helpers/server";
import { dragPlayer, editToAnswers, openBoard, prepareContext, settle, STEP_TIMEOUT_MS } from "./canvasProbes";
import { formatSample, printCanvasReport, type CanvasSample } from "./canvasReport";
import { generateBoard } from "./generateBoard";

const BOARD_PLAYERS = [8, 300, 1000] as const;
const VIEWPORT = { width: 1400, height: 900 };
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** A fresh copy of the board for each measurement: every round then opens the same picture, from the database, as a first visitor does. */
async function importBoard(baseUrl: string, file: BoardFile): Promise<string> {
  const res = await fetch(`${baseUrl}/api/boards/import`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(file),
    signal: AbortSignal.timeout(STEP_TIMEOUT_MS),
  });
  if (res.status !== 201) throw new Error(`importing the ${file.players.length}-player board failed: ${res.status} ${await res.text()}`);
  const { id, editToken } = (await res.json()) as { id: string; editToken: string };
  return `${baseUrl}/b/${id}?t=${editToken}`;
}

/** One visit in a fresh browser context: nothing cached, no IndexedDB copy of the board. */
async function measure(browser: Browser, link: string): Promise<CanvasSample> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await prepareContext(context);
    const page = await context.newPage();
    page.on("pageerror", (err) => console.error(`  page error: ${err.message}`));
    const { firstPlayerMs, savedMs } = await openBoard(page, link);
    await settle(page);
    const drag = await dragPlayer(page);
    await settle(page);
    const editToAnswersMs = await editToAnswers(page);
    return { firstPlayerMs, savedMs, dragMs: drag.wallMs, dragP95FrameGapMs: drag.p95FrameGapMs, dragFrames: drag.frames, editToAnswersMs };
  } finally {
    await context.close();
  }
}

export async function benchCanvas(rounds = 3): Promise<void> {
  const sizes = BOARD_PLAYERS.map((n) => n.toLocaleString("en"));
  console.log(`\n## Canvas in Chromium: boards of ${sizes.slice(0, -1).join(", ")} and ${sizes.at(-1)} players, 1.5 channels per player (${rounds} rounds, medians)`);
  buildIfStale();
  const files = BOARD_PLAYERS.map((players) => generateBoard(players));
  const samples: CanvasSample[][] = files.map(() => []);
  const server = await startServer({ env: { LOG_LEVEL: "error" } });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: CHROMIUM_ARGS, timeout: STEP_TIMEOUT_MS });
    // The first page a fresh server and browser serve pays for compiling and caching everything
    // once; left in round 1, that cost would land on the 8-player baseline alone.
    console.log(`warm-up, ${files[0].players.length} players (not counted): ${formatSample(await measure(browser, await importBoard(server.url, files[0])))}`);
    for (let round = 1; round <= rounds; round++) {
      for (const [i, file] of files.entries()) {
        const sample = await measure(browser, await importBoard(server.url, file));
        samples[i].push(sample);
        console.log(`round ${round}, ${file.players.length} players: ${formatSample(sample)}`);
      }
    }
  } finally {
    await browser?.close();
    await server.stop();
  }
  printCanvasReport(
    files.map((f) => ({ players: f.players.length, channels: f.channels.length })),
    samples,
  );
}
