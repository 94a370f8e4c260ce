/**
 * Workshop rounds in the browser: a facilitator and two editors answer privately, the reveal
 * colours the canvas by agreement, and adopting the agreed answer changes everyone's board.
 * Three browser contexts against the real server.
 */
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { startServer, type RunningServer } from "../helpers/server";
import { createBoardVia, openAs as openPage } from "./helpers";

const TEMPLATE = "building-products";
/** Window dealer: a customer on the template. */
const DEALER = "p4";
/** Architect: not a customer on the template. */
const ARCHITECT = "p8";

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

/** Every participant gets a browser context of their own, closed after the test. */
const opened: Page[] = [];
async function openAs(...args: Parameters<typeof openPage>) {
  const page = await openPage(...args);
  opened.push(page);
  return page;
}
test.afterEach(async () => {
  for (const page of opened.splice(0)) await page.context().close();
});

const card = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"] [data-testid="player-node"]`);

/** Everything the page's own document and presence hold, as text. */
const sharedStateOf = (page: Page) =>
  page.evaluate(() => {
    const { doc, provider } = window.__chainboard!;
    return JSON.stringify(doc.toJSON()) + JSON.stringify([...provider.awareness.getStates().values()]);
  });

/** One field of one player in the page's own document (aliases as a plain array). */
const playerField = (page: Page, id: string, field: string) =>
  page.evaluate(([id, field]) => {
    const value = window.__chainboard!.doc.getMap<import("yjs").Map<unknown>>("players").get(id)?.get(field) as unknown;
    return value && typeof value === "object" && "toJSON" in value ? (value as { toJSON(): unknown }).toJSON() : value;
  }, [id, field] as const);

async function startRound(facilitator: Page, questions: string[], opts: { timerMinutes?: number; lock?: boolean } = {}) {
  await facilitator.getByTestId("workshop-button").click();
  await expect(facilitator.getByTestId("workshop-panel")).toBeVisible();
  for (const q of ["customer", "strategy", "transaction", "us", "starts", "consumers", "names"]) {
    await facilitator.getByTestId(`round-question-${q}`).setChecked(questions.includes(q));
  }
  await facilitator.getByTestId("round-timer").fill(opts.timerMinutes ? String(opts.timerMinutes) : "");
  await facilitator.getByTestId("round-lock").setChecked(!!opts.lock);
  await facilitator.getByTestId("start-round").click();
}

async function answerCustomer(page: Page, playerId: string, value: "yes" | "no" | "undecided", why: string) {
  const form = page.getByTestId("answer-panel");
  await form.getByTestId(`answer-customer-${playerId}-${value}`).check();
  await form.getByTestId(`answer-why-${playerId}`).fill(why);
  await form.getByTestId("submit-answers").click();
  await expect(form.getByTestId("answers-sent")).toContainText("Your answers are in");
}

test("three leaders answer privately, the reveal shows where they split, and adopting the majority updates every board", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: TEMPLATE });
  const alice = await openAs(browser, board.owner, "Alice", "Sales");
  const bruno = await openAs(browser, board.edit, "Bruno", "Finance");
  const chiara = await openAs(browser, board.edit, "Chiara", "Marketing");
  const everyone = [alice, bruno, chiara];

  // Only the facilitator runs the workshop.
  await expect(bruno.getByTestId("workshop-button")).toHaveCount(0);
  await startRound(alice, ["customer"]);
  for (const page of everyone) {
    await expect(page.getByTestId("round-status")).toHaveAttribute("data-status", "open");
    await expect(page.getByTestId("answer-panel")).toBeVisible();
  }

  // Round 1: yes / no / undecided on the dealer, each with a reason nobody else may see yet.
  const secret = { alice: "alice-reason-7c1f", bruno: "bruno-reason-93ad", chiara: "chiara-reason-5e20" };
  await answerCustomer(alice, DEALER, "yes", secret.alice);
  await expect(bruno.getByTestId("answered-list")).toContainText("Alice");
  await answerCustomer(bruno, DEALER, "no", secret.bruno);
  await answerCustomer(chiara, DEALER, "undecided", secret.chiara);

  for (const page of everyone) {
    const answered = page.getByTestId("answered-list");
    for (const name of ["Alice", "Bruno", "Chiara"]) await expect(answered).toContainText(name);
  }
  // A reload keeps Bruno's draft, and sending again replaces his answers instead of adding a fourth participant.
  await bruno.reload();
  await expect(bruno.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await expect(bruno.getByTestId(`answer-customer-${DEALER}-no`)).toBeChecked();
  const resent = bruno.waitForResponse((r) => r.url().includes("/answers") && r.request().method() === "PUT");
  await bruno.getByTestId("submit-answers").click();
  expect((await resent).status()).toBe(200);
  await expect(bruno.getByTestId("answers-sent")).toContainText("Your answers are in");
  await expect(alice.getByTestId("answered-name")).toHaveCount(3);

  // Private means private: B's document, presence and page hold nobody else's answers.
  const sharedB = await sharedStateOf(bruno);
  expect(sharedB).toContain("Alice");
  for (const text of [secret.alice, secret.chiara]) {
    expect(sharedB).not.toContain(text);
    expect(await bruno.content()).not.toContain(text);
  }
  await expect(bruno.getByTestId("round-results")).toHaveCount(0);
  await expect(card(bruno, DEALER)).not.toHaveAttribute("data-agreement", /.+/);

  await alice.getByTestId("reveal-round").click();
  for (const page of everyone) {
    await expect(page.getByTestId("round-status")).toHaveAttribute("data-status", "revealed");
    await expect(card(page, DEALER)).toHaveAttribute("data-agreement", "split");
    const result = page.getByTestId("round-results").getByTestId(`result-customer-${DEALER}`);
    await expect(result).toHaveAttribute("data-level", "split");
    await expect(result.getByTestId("result-answer")).toHaveCount(3);
    await expect(result.locator('[data-testid="result-answer"][data-value="yes"]')).toContainText("Alice (Sales)");
    await expect(result.locator('[data-testid="result-answer"][data-value="no"]')).toContainText("Bruno (Finance)");
    await expect(result.locator('[data-testid="result-answer"][data-value="undecided"]')).toContainText("Chiara (Marketing)");
    await expect(result.getByTestId("result-agreement")).toContainText("33%");
    await expect(page.getByTestId("round-kappa")).toBeVisible();
  }
  // Only the facilitator adopts.
  await expect(alice.getByTestId(`adopt-customer-${DEALER}`)).toBeVisible();
  await expect(bruno.getByTestId(`adopt-customer-${DEALER}`)).toHaveCount(0);

  // Round 2: two say the architect is a customer, one says not.
  await startRound(alice, ["customer"]);
  for (const page of everyone) {
    await expect(page.getByTestId("round-status")).toHaveAttribute("data-status", "open");
    await expect(page.getByTestId("answered-list")).toContainText("Nobody yet");
    await expect(card(page, DEALER)).not.toHaveAttribute("data-agreement", /.+/);
  }
  const tenders = "Buys for projects it specifies in tenders";
  await answerCustomer(alice, ARCHITECT, "yes", tenders);
  await answerCustomer(bruno, ARCHITECT, "yes", tenders);
  await answerCustomer(chiara, ARCHITECT, "no", "Never pays us");
  await expect(alice.getByTestId("answered-name")).toHaveCount(3);
  await alice.getByTestId("reveal-round").click();
  for (const page of everyone) await expect(card(page, ARCHITECT)).toHaveAttribute("data-agreement", "majority");

  expect(await playerField(alice, ARCHITECT, "customer")).toBe("no");
  await alice.getByTestId(`adopt-customer-${ARCHITECT}`).click();
  for (const page of everyone) {
    await expect.poll(() => playerField(page, ARCHITECT, "customer")).toBe("yes");
    await expect.poll(() => playerField(page, ARCHITECT, "why")).toBe(tenders);
  }
  await expect(alice.getByTestId(`adopt-customer-${ARCHITECT}`)).toBeDisabled();

  // The adoption is one undoable change.
  await alice.getByTestId("undo").click();
  await expect.poll(() => playerField(bruno, ARCHITECT, "customer")).toBe("no");
  await alice.getByTestId("redo").click();
  await expect.poll(() => playerField(chiara, ARCHITECT, "customer")).toBe("yes");
});

test("a locked round pauses editors, viewers only watch, the facilitator brings everyone to their view, and names become aliases", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: TEMPLATE });
  const alice = await openAs(browser, board.owner, "Alice", "Sales");
  const bruno = await openAs(browser, board.edit, "Bruno", "Finance");
  const vera = await openAs(browser, board.view, "Vera", "Operations");

  await expect(bruno.getByTestId("palette-manufacturer")).toBeVisible();
  await startRound(alice, ["names"], { timerMinutes: 5, lock: true });

  // The editor answers but cannot edit; the viewer sees the round but cannot answer.
  await expect(bruno.getByTestId("editing-locked-banner")).toHaveText("Editing is paused during this round");
  await expect(bruno.getByTestId("palette-manufacturer")).toHaveCount(0);
  await expect(alice.getByTestId("palette-manufacturer")).toBeVisible();
  await expect(alice.getByTestId("editing-locked-banner")).toHaveCount(0);
  for (const page of [alice, bruno, vera]) await expect(page.getByTestId("round-countdown")).toContainText(/^\s*[45]:\d\d/);
  await expect(vera.getByTestId("round-status")).toHaveAttribute("data-status", "open");
  await expect(vera.getByTestId("viewer-round-note")).toBeVisible();
  await expect(vera.getByTestId("answer-panel")).toHaveCount(0);

  // Bring everyone to my view; Bruno follows until he moves himself.
  await alice.getByTestId("spotlight").click();
  await expect(bruno.getByTestId("spotlight-note")).toHaveText(/Following the facilitator — move to stop/);
  await expect(vera.getByTestId("spotlight-note")).toBeVisible();
  await expect(alice.getByTestId("spotlight-note")).toHaveCount(0);
  const pane = bruno.locator(".react-flow__pane");
  const box = (await pane.boundingBox())!;
  await bruno.mouse.move(box.x + 200, box.y + 300);
  await bruno.mouse.wheel(0, 300);
  await expect(bruno.getByTestId("spotlight-note")).toHaveCount(0);
  await expect(vera.getByTestId("spotlight-note")).toBeVisible();
  await alice.getByTestId("spotlight-stop").click();
  await expect(vera.getByTestId("spotlight-note")).toHaveCount(0);

  // Terminology: both call the dealer a reseller.
  for (const page of [alice, bruno]) {
    const form = page.getByTestId("answer-panel");
    await expect(form.getByTestId(`answer-names-${DEALER}`)).toHaveValue("Window dealer");
    await form.getByTestId(`answer-names-${DEALER}`).fill("Reseller");
    await form.getByTestId("submit-answers").click();
    await expect(form.getByTestId("answers-sent")).toBeVisible();
  }
  await expect(alice.getByTestId("answered-name")).toHaveCount(2);
  await alice.getByTestId("reveal-round").click();
  // A revealed round no longer takes answers, so editing is back.
  await expect(bruno.getByTestId("editing-locked-banner")).toHaveCount(0);
  await expect(bruno.getByTestId("palette-manufacturer")).toBeVisible();
  await expect(vera.getByTestId(`result-names-${DEALER}`)).toContainText("Reseller");

  // The results export: the API's JSON as a download, the Markdown summary for a report.
  const download = vera.waitForEvent("download");
  await vera.getByTestId("download-json").click();
  const json = JSON.parse(readFileSync((await (await download).path())!, "utf8"));
  expect(json).toMatchObject({ status: "revealed", questions: ["names"] });
  expect(json.scores.items).toContainEqual(expect.objectContaining({ question: "names", item: DEALER, top: "reseller", level: "unanimous" }));
  await vera.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await vera.getByTestId("copy-summary").click();
  await expect(vera.getByRole("status").filter({ hasText: "Summary copied" })).toBeVisible();
  expect(await vera.evaluate(() => navigator.clipboard.readText())).toContain("What do you call this segment");

  await alice.getByTestId(`adopt-names-${DEALER}`).click();
  await expect.poll(() => playerField(bruno, DEALER, "name")).toBe("Reseller");
  await expect.poll(async () => JSON.stringify(await playerField(bruno, DEALER, "aliases"))).toBe(JSON.stringify(["Showroom", "Window dealer"]));

  // Closed rounds stay readable under Past rounds.
  await alice.getByTestId("close-round").click();
  await expect(bruno.getByTestId("round-card")).toHaveCount(0);
  await alice.getByTestId("workshop-past-section").locator("summary").click();
  const past = alice.getByTestId("past-rounds").locator('[data-testid^="past-round-"]');
  await expect(past).toHaveCount(1);
  await past.click();
  await expect(alice.getByTestId("past-round-results").getByTestId(`result-names-${DEALER}`)).toContainText("Bruno (Finance)");
  await expect(alice.getByTestId("past-round-results").getByTestId(`adopt-names-${DEALER}`)).toHaveCount(0);
});

test("the walkthrough focuses everyone on a question and asks it privately; a pick on the canvas answers without selecting the card", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: TEMPLATE });
  const alice = await openAs(browser, board.owner, "Alice", "Sales");
  const bruno = await openAs(browser, board.edit, "Bruno", "Finance");
  const INSTALLER = "p5";

  await alice.getByTestId("workshop-button").click();
  await alice.getByTestId("workshop-walkthrough-section").locator("summary").click();
  await expect(alice.getByTestId("walkthrough-step")).toContainText("Who makes up our value chain?");
  await alice.getByTestId("walkthrough-next").click();
  await expect(alice.getByTestId("walkthrough-step")).toContainText("Who ultimately consumes what we sell?");
  await expect(alice.getByTestId("walkthrough-answer")).toContainText("Homeowner");
  // Each step brings everyone to the facilitator's view.
  await expect(bruno.getByTestId("spotlight-note")).toBeVisible();

  await alice.getByTestId("walkthrough-ask").click();
  await expect(alice.getByTestId("round-question-consumers")).toBeChecked();
  await expect(alice.getByTestId("round-question-customer")).not.toBeChecked();
  await expect(alice.getByTestId("round-timer")).toHaveValue("3");
  await alice.getByTestId("start-round").click();
  await expect(bruno.getByTestId("answer-question-consumers")).toBeVisible();
  await expect(bruno.getByTestId("round-countdown")).toBeVisible();

  // Bruno picks the installer by clicking its card: answered, marked for him, not selected.
  await bruno.getByTestId("spotlight-note").getByRole("button").click();
  await bruno.getByTestId("pick-on-canvas-consumers").click();
  // The card may sit under the panel or off screen after following the facilitator: click it in place.
  await bruno.locator(`.react-flow__node[data-id="${INSTALLER}"]`).dispatchEvent("click");
  await expect(bruno.getByTestId(`answer-consumers-${INSTALLER}`)).toBeChecked();
  await expect(card(bruno, INSTALLER).getByTestId("picked-label")).toBeVisible();
  await expect(bruno.locator(`.react-flow__node[data-id="${INSTALLER}"]`)).not.toHaveClass(/selected/);
  const selection = await bruno.evaluate(() => (window.__chainboard!.provider.awareness.getLocalState() as { selection?: string[] }).selection ?? []);
  expect(selection).toEqual([]);
  await bruno.getByTestId("submit-answers").click();

  await alice.getByTestId(`answer-consumers-${INSTALLER}`).check();
  await alice.getByTestId("submit-answers").click();
  await expect(alice.getByTestId("answered-name")).toHaveCount(2);
  await alice.getByTestId("reveal-round").click();
  await expect(card(bruno, INSTALLER)).toHaveAttribute("data-agreement", "unanimous");
  await expect(bruno.getByTestId(`result-consumers-${INSTALLER}`)).toContainText("Ultimate consumer");

  expect(await playerField(bruno, INSTALLER, "consumer")).toBe(false);
  await alice.getByTestId(`adopt-consumers-${INSTALLER}`).click();
  await expect.poll(() => playerField(bruno, INSTALLER, "consumer")).toBe(true);
});
