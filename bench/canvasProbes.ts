/**
 * The three things the browser benchmark measures on one open board page: how long until the
 * first player card shows, how smoothly a card follows a 30-step drag, and how long an edit
 * takes to reach the answers in the Questions tab. Each probe checks that what it timed really
 * happened (the card moved, the answer changed) and throws otherwise, so a broken page fails
 * the bench instead of printing a fast, meaningless figure. Every wait is bounded.
 */
import type { BrowserContext, Page } from "@playwright/test";
import type * as Y from "yjs";
import { gaps, percentile } from "./stats";

/** No single step may take longer, however slow the board: a broken page must not hang the bench. */
export const STEP_TIMEOUT_MS = 120_000;

const PLAYER_CARD = '[data-testid="player-node"]';
const DRAG_STEPS = 30;
const DRAG_STEP_PX = { x: 10, y: 4 };

/** What the page exposes while a board is open (BoardApp), plus the frame log the drag probe keeps. */
interface BenchWindow {
  __chainboard?: { doc: Y.Doc };
  __benchFrames?: number[];
  __benchFramesOn?: boolean;
}

export async function withTimeout<T>(work: Promise<T>, what: string, ms = STEP_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** A participant who has already chosen a name, so the identity dialog stays closed. */
export async function prepareContext(context: BrowserContext): Promise<void> {
  // tsx compiles this file with esbuild's keepNames, which wraps the named functions inside the
  // callbacks given to page.evaluate in calls to a `__name` helper the page does not have.
  await context.addInitScript({ content: "globalThis.__name ??= (fn) => fn;" });
  await context.addInitScript(
    ({ key, value }) => window.localStorage.setItem(key, value),
    { key: "chainboard.identity", value: JSON.stringify({ name: "Bench", fn: "Sales" }) },
  );
}

export interface OpenTimes {
  /** From the start of navigation until the first player card is visible. */
  firstPlayerMs: number;
  /** From the start of navigation until the top bar says every change is saved: the board is live. */
  savedMs: number;
}

export async function openBoard(page: Page, link: string): Promise<OpenTimes> {
  const started = performance.now();
  const since = async (wait: Promise<unknown>) => {
    await wait;
    return performance.now() - started;
  };
  await withTimeout(page.goto(link, { waitUntil: "commit", timeout: STEP_TIMEOUT_MS }), "open the board");
  // Both waits run at once: either may come first, and each keeps its own time.
  const [firstPlayerMs, savedMs] = await Promise.all([
    since(page.locator(PLAYER_CARD).first().waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS })),
    since(page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS })),
  ]);
  return { firstPlayerMs, savedMs };
}

/** Lets the page finish what loading started (layout, measuring cards, answers) before timing more. */
export async function settle(page: Page, pauseMs = 1000): Promise<void> {
  await page.waitForTimeout(pauseMs);
  await withTimeout(
    page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 10_000 }))),
    "wait for the page to go idle",
  );
}

export interface DragResult {
  /** Wall time of the 30 pointer moves, each awaited until the page has handled it. */
  wallMs: number;
  /** 95th percentile of the gaps between animation frames during the drag. */
  p95FrameGapMs: number;
  frames: number;
}

export async function dragPlayer(page: Page): Promise<DragResult> {
  const target = await withTimeout(page.evaluate(pickCardNearCentre), "find a card to drag");
  const before = await positionOf(page, target.id);

  await withTimeout(page.evaluate(startFrameLog), "start the frame log");
  let { x, y } = target;
  await withTimeout(page.mouse.move(x, y), "point at the card");
  await withTimeout(page.mouse.down(), "grab the card");
  const started = performance.now();
  await withTimeout(
    (async () => {
      for (let step = 0; step < DRAG_STEPS; step++) {
        x += DRAG_STEP_PX.x;
        y += DRAG_STEP_PX.y;
        await page.mouse.move(x, y);
      }
    })(),
    `drag a card ${DRAG_STEPS} steps`,
  );
  const wallMs = performance.now() - started;
  await withTimeout(page.mouse.up(), "drop the card");
  const frames = await withTimeout(page.evaluate(stopFrameLog), "read the frame log");

  // The drop writes the final position to the document at once; allow for a slow render anyway.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const after = await positionOf(page, target.id);
    if (after.x !== before.x || after.y !== before.y) break;
    if (Date.now() > deadline) throw new Error(`the drag did not move player ${target.id} (still at ${before.x}, ${before.y}): its timing would mean nothing`);
    await page.waitForTimeout(100);
  }
  return { wallMs, p95FrameGapMs: percentile(gaps(frames), 95), frames: frames.length };
}

/**
 * Time from an edit to the answers showing it, with the Questions tab open: one player becomes
 * a customer, with a reason, through the page's own document, as a remote edit or the
 * inspector would change it.
 *
 * What is watched is question 5's one-line answer, "N customers.": it is always rendered and
 * changes with every new customer. The customer list under it shows only its first 25 rows
 * (MoreList), sorted by id, so on a large board the new customer's name and reason may well
 * not be in the DOM at all.
 */
export async function editToAnswers(page: Page): Promise<number> {
  await page.keyboard.press("q");
  await page.getByTestId("questions-panel").waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
  await settle(page, 500);
  const reason = `Bench reason ${Date.now()}`;
  return withTimeout(page.evaluate(markCustomerAndTime, { reason, timeoutMs: STEP_TIMEOUT_MS }), "see the edit in the answers");
}

async function positionOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  return withTimeout(
    page.evaluate((playerId) => {
      const player = (window as BenchWindow).__chainboard?.doc.getMap<Y.Map<unknown>>("players").get(playerId);
      if (!player) throw new Error(`player ${playerId} is not in the page's document`);
      return { x: Number(player.get("x")), y: Number(player.get("y")) };
    }, id),
    "read a player's position",
  );
}

// The functions below run in the page (page.evaluate): only what they are given and the DOM.

/** The card whose centre is nearest the canvas centre, wholly on screen, where a person would grab. */
function pickCardNearCentre(): { id: string; x: number; y: number } {
  const pane = document.querySelector(".react-flow")?.getBoundingClientRect();
  if (!pane) throw new Error("no canvas on the page");
  const centre = { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 };
  let best: { id: string; x: number; y: number; distance: number } | null = null;
  for (const node of document.querySelectorAll<HTMLElement>(".react-flow__node")) {
    const card = node.getBoundingClientRect();
    const inside = card.left >= pane.left && card.right <= pane.right && card.top >= pane.top && card.bottom <= pane.bottom;
    const id = node.dataset.id;
    if (!inside || !id || card.width === 0) continue;
    const x = card.left + card.width / 2;
    const y = card.top + card.height / 2;
    const distance = Math.hypot(x - centre.x, y - centre.y);
    if (!best || distance < best.distance) best = { id, x, y, distance };
  }
  if (!best) throw new Error("no player card is visible on the canvas");
  return { id: best.id, x: best.x, y: best.y };
}

function startFrameLog(): void {
  const w = window as BenchWindow;
  const frames: number[] = [];
  w.__benchFrames = frames;
  w.__benchFramesOn = true;
  const tick = () => {
    frames.push(performance.now());
    if (w.__benchFramesOn) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

function stopFrameLog(): number[] {
  const w = window as BenchWindow;
  w.__benchFramesOn = false;
  return w.__benchFrames ?? [];
}

function markCustomerAndTime({ reason, timeoutMs }: { reason: string; timeoutMs: number }): Promise<number> {
  const doc = (window as BenchWindow).__chainboard?.doc;
  if (!doc) throw new Error("the page exposes no board document");
  const players = doc.getMap<Y.Map<unknown>>("players");
  const id = [...players.keys()].sort().find((key) => players.get(key)!.get("customer") !== "yes" && players.get(key)!.get("isUs") !== true);
  if (!id) throw new Error("every player is already a customer");
  const answerOf5 = () => document.querySelector('[data-testid="question-5"] p')?.textContent ?? "";
  // The panel's own wording: "1,204 customers.", or a sentence without a number for none.
  const customersNow = Number(/^[\d,]+ customers?\./.exec(answerOf5())?.[0].replace(/[^\d]/g, "") ?? 0);
  const next = customersNow + 1;
  const expected = `${new Intl.NumberFormat("en").format(next)} ${next === 1 ? "customer" : "customers"}.`;

  return new Promise<number>((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (answerOf5() !== expected) return;
      const elapsed = performance.now() - started;
      observer.disconnect();
      clearTimeout(timer);
      resolve(elapsed);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`the answers never showed "${expected}" after player ${id} became a customer (still "${answerOf5()}")`));
    }, timeoutMs);
    // The whole page, not the panel: a re-render may replace the panel's elements themselves.
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    const started = performance.now();
    doc.transact(() => {
      const player = players.get(id)!;
      player.set("customer", "yes");
      player.set("why", reason);
    });
  });
}
