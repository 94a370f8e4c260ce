/**
 * Workshop rounds in the browser: a facilitator and two editors answer privately, the reveal
 * colours the canvas by agreement, and adopting the agreed answer changes everyone's board.
 * A blind round hides the board's own answers to what it asks until the reveal, a tie is shown
 * as a tie, and the server's timer ends a round. Browser contexts against the real server.
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

async function startRound(facilitator: Page, questions: string[], opts: { timerMinutes?: number; lock?: boolean; blind?: boolean } = {}) {
  await facilitator.getByTestId("workshop-button").click();
  await expect(facilitator.getByTestId("workshop-panel")).toBeVisible();
  // While a round is live the start form is folded away below it.
  const section = facilitator.getByTestId("workshop-start-section");
  if (!(await section.evaluate((d) => (d as HTMLDetailsElement).open))) await section.locator("summary").click();
  for (const q of ["customer", "strategy", "transaction", "us", "starts", "consumers", "names"]) {
    await facilitator.getByTestId(`round-question-${q}`).setChecked(questions.includes(q));
  }
  await facilitator.getByTestId("round-timer").fill(opts.timerMinutes ? String(opts.timerMinutes) : "");
  await facilitator.getByTestId("round-lock").setChecked(!!opts.lock);
  await facilitator.getByTestId("round-blind").setChecked(opts.blind ?? true);
  await facilitator.getByTestId("start-round").click();
}

/** A round started through the API (the form offers 10 s at least; tests want a short timer). */
async function startRoundVia(board: { id: string; ownerToken: string }, body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${server.url}/api/boards/${board.id}/rounds`, {
    method: "POST",
    headers: { authorization: `Bearer ${board.ownerToken}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
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
  // One answer each is a three-way tie: nothing to adopt in one click; only the facilitator may choose one.
  await expect(alice.getByTestId(`result-customer-${DEALER}`).getByTestId("result-tie")).toBeVisible();
  await expect(alice.getByTestId(`adopt-customer-${DEALER}`)).toHaveCount(0);
  await expect(alice.getByTestId(`choose-customer-${DEALER}-no`)).toBeVisible();
  await expect(bruno.getByTestId(`choose-customer-${DEALER}-no`)).toHaveCount(0);

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
  await expect(bruno.getByTestId("editing-paused-chip")).toBeVisible();
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
  // A revealed round no longer takes answers, so editing is back, and nobody is told otherwise.
  await expect(bruno.getByTestId("editing-locked-banner")).toHaveCount(0);
  for (const page of [alice, bruno, vera]) await expect(page.getByTestId("editing-paused-chip")).toHaveCount(0);
  await expect(bruno.getByTestId("palette-manufacturer")).toBeVisible();
  await expect(vera.getByTestId(`result-names-${DEALER}`)).toContainText("Reseller");

  // The results export: the API's JSON as a download, the Markdown summary for a report.
  const download = vera.waitForEvent("download");
  await vera.getByTestId("download-json").click();
  const json = JSON.parse(readFileSync((await (await download).path())!, "utf8"));
  expect(json).toMatchObject({ status: "revealed", questions: ["names"] });
  expect(json.scores.items).toContainEqual(expect.objectContaining({ question: "names", item: DEALER, top: "reseller", leading: "reseller", level: "unanimous" }));
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

/** The badges, US mark and strategy colour a card shows, as text. */
const cardText = (page: Page, id: string) => card(page, id).innerText();

test("a blind round hides the board's answers to each question it asks, in cards, inspector, questions and options, and the reveal shows them again", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: TEMPLATE });
  const alice = await openAs(browser, board.owner, "Alice", "Sales");
  const bruno = await openAs(browser, board.edit, "Bruno", "Finance");
  const US = "p2";
  const HOMEOWNER = "p7";

  // What the board says before: customers, strategies, transactions, the consumer, us.
  await expect(card(bruno, DEALER)).toContainText("Customer ✓");
  await expect(card(bruno, DEALER)).toContainText("Push-pull");
  await expect(card(bruno, DEALER)).toContainText("Indirect");
  await expect(card(bruno, HOMEOWNER)).toContainText("Consumes");
  await expect(card(bruno, US).getByTitle("This is us")).toBeVisible();

  await startRound(alice, ["customer", "strategy", "transaction", "us", "starts", "consumers"]);
  for (const page of [alice, bruno]) {
    await expect(page.getByTestId("blind-chip")).toBeVisible();
    // Cards: no customer marks, strategy chips, transactions, consumer mark, US badge or "(us)".
    for (const text of ["Customer", "Push-pull", "Indirect"]) await expect(card(page, DEALER)).not.toContainText(text);
    await expect(card(page, HOMEOWNER)).not.toContainText("Consumes");
    await expect(card(page, US).getByTitle("This is us")).toHaveCount(0);
    expect(await cardText(page, US)).toContain("Window manufacturer");
    // Nowhere on the page does a name say who is us: not the cards, the options or the panels.
    await expect(page.locator("body")).not.toContainText("(us)");
    await expect(page.locator(`.react-flow__node[data-id="${US}"]`)).not.toHaveAttribute("aria-label", /\bus\b/);
    // The answer form asks about every player, us included, without saying which is us.
    await expect(page.getByTestId(`answer-row-customer-${US}`)).toBeVisible();
    await expect(page.getByTestId(`answer-row-us-${US}`)).toHaveText(/Window manufacturer/);
  }

  // The strategy view keeps its colours to itself.
  await bruno.getByTestId("strategy-view-toggle").click();
  await expect(card(bruno, DEALER)).toHaveAttribute("data-strategy", "none");
  await expect(bruno.getByTestId("strategy-count-push-pull")).toHaveText("–");
  // The questions panel: every question asked waits for the reveal; the others still answer.
  await bruno.getByTestId("tab-questions").click();
  for (const n of [2, 3, 4, 5, 6, 7, 8]) await expect(bruno.getByTestId(`question-${n}-hidden`)).toBeVisible();
  await expect(bruno.getByTestId("question-1")).toContainText("8 players");
  await expect(bruno.getByTestId("engagement-hidden")).toBeVisible();
  await expect(bruno.getByTestId("questions-panel")).toContainText("Window manufacturer");
  await expect(bruno.locator("body")).not.toContainText("(us)");
  // The inspector: the fields asked about are not there to read or change.
  await bruno.getByTestId("tab-inspect").click();
  await card(bruno, DEALER).click();
  await expect(bruno.getByTestId("inspector-hidden")).toBeVisible();
  for (const field of ["inspector-isUs", "inspector-consumer", "inspector-why", "inspector-strategy", "inspector-transaction"]) await expect(bruno.getByTestId(field)).toHaveCount(0);

  await alice.getByTestId("reveal-round").click();
  for (const page of [alice, bruno]) {
    await expect(page.getByTestId("round-status")).toHaveAttribute("data-status", "revealed");
    await expect(page.getByTestId("blind-chip")).toHaveCount(0);
    await expect(card(page, US).getByTitle("This is us")).toBeVisible();
    await expect(card(page, US)).toContainText("Window manufacturer (us)");
    await expect(card(page, HOMEOWNER)).toContainText("Consumes");
  }
  await expect(card(bruno, DEALER)).toHaveAttribute("data-strategy", "push-pull");
  await expect(bruno.getByTestId("inspector-strategy")).toHaveValue("push-pull");
  await expect(bruno.getByTestId("inspector-hidden")).toHaveCount(0);
  await bruno.getByTestId("strategy-view-toggle").click();
  for (const text of ["Customer ✓", "Push-pull", "Indirect"]) await expect(card(bruno, DEALER)).toContainText(text);
  await bruno.getByTestId("tab-questions").click();
  await expect(bruno.getByTestId("question-4")).toContainText("Window manufacturer (us)");
  await expect(bruno.getByTestId("question-5-hidden")).toHaveCount(0);

  // A round the facilitator keeps open-book hides nothing.
  await startRound(alice, ["customer"], { blind: false });
  await expect(bruno.getByTestId("round-status")).toHaveAttribute("data-status", "open");
  await expect(bruno.getByTestId("blind-chip")).toHaveCount(0);
  await expect(card(bruno, DEALER)).toContainText("Customer ✓");
  await expect(bruno.getByTestId("question-5-hidden")).toHaveCount(0);
});

test("a 1-1 split is shown as a tie with nothing to adopt in one click, a name one person gave as proposed by 1, and the facilitator may still choose", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: TEMPLATE });
  const alice = await openAs(browser, board.owner, "Alice", "Sales");
  const bruno = await openAs(browser, board.edit, "Bruno", "Finance");

  await startRound(alice, ["customer", "names"]);
  await expect(bruno.getByTestId("answer-panel")).toBeVisible();
  // Alice: the dealer is a customer, and she calls it a reseller. Bruno: not a customer, the board's name.
  await alice.getByTestId(`answer-customer-${DEALER}-yes`).check();
  await alice.getByTestId(`answer-names-${DEALER}`).fill("Reseller");
  await alice.getByTestId("submit-answers").click();
  await expect(alice.getByTestId("answers-sent")).toBeVisible();
  await bruno.getByTestId(`answer-customer-${DEALER}-no`).check();
  await bruno.getByTestId("submit-answers").click();
  await expect(bruno.getByTestId("answers-sent")).toBeVisible();
  await expect(alice.getByTestId("answered-name")).toHaveCount(2);
  await alice.getByTestId("reveal-round").click();

  for (const page of [alice, bruno]) {
    const customer = page.getByTestId("round-results").getByTestId(`result-customer-${DEALER}`);
    await expect(customer).toHaveAttribute("data-tie", "true");
    await expect(customer.getByTestId("result-tie")).toHaveText("A tie: Not a customer and Customer, 1 each. No answer leads.");
    await expect(customer).not.toContainText("Most common");
    await expect(customer.getByTestId("result-agreement")).toHaveText("Tie · 50%");
    await expect(card(page, DEALER).getByTestId("agreement-label")).toHaveText("Tie · 50%");
    const names = page.getByTestId("round-results").getByTestId(`result-names-${DEALER}`);
    await expect(names.locator('[data-testid="result-answer"][data-value="reseller"]')).toContainText("Reseller proposed by 1");
    await expect(names.locator('[data-testid="result-answer"][data-value="window dealer"]')).toContainText("Window dealer proposed by 1");
    await expect(names.locator('[data-testid="result-answer"][data-leading]')).toHaveCount(0);
    // Where both kept the board's name, the name is shared: proposed by 2.
    await expect(page.getByTestId("round-results").getByTestId("result-names-p3").getByTestId("result-proposed")).toHaveText("proposed by 2");
  }
  // No one-click adoption of either side of a tie, nor of a name one person gave.
  await expect(alice.getByTestId(`adopt-customer-${DEALER}`)).toHaveCount(0);
  await expect(alice.getByTestId(`adopt-names-${DEALER}`)).toHaveCount(0);
  await expect(bruno.getByTestId(`choose-customer-${DEALER}-no`)).toHaveCount(0);

  // The facilitator may still choose one side explicitly, after saying so.
  expect(await playerField(alice, DEALER, "customer")).toBe("yes");
  await alice.getByTestId(`choose-customer-${DEALER}-no`).click();
  await alice.getByRole("button", { name: "Cancel" }).click();
  expect(await playerField(alice, DEALER, "customer")).toBe("yes");
  await alice.getByTestId(`choose-customer-${DEALER}-no`).click();
  await alice.getByTestId("confirm-choice").click();
  await expect.poll(() => playerField(bruno, DEALER, "customer")).toBe("no");
  await expect(alice.getByTestId(`choose-customer-${DEALER}-no`)).toBeDisabled();
  expect(await playerField(bruno, DEALER, "name")).toBe("Window dealer");

  // The workshop sits beside the canvas, not over it: the agreement colours stay in view.
  const layer = (await alice.getByTestId("workshop-layer").boundingBox())!;
  const canvas = (await alice.locator('main[aria-label="Board canvas"]').boundingBox())!;
  expect(layer.x).toBeGreaterThanOrEqual(canvas.x + canvas.width - 1);
  const dealerBox = (await card(alice, DEALER).boundingBox())!;
  expect(dealerBox.x + dealerBox.width).toBeLessThanOrEqual(layer.x);
});

test("the server's timer closes a round: a late answer is refused, editing resumes, the facilitator is told, and a new round asks first", async ({ browser }) => {
  const board = await createBoardVia(server.url, { template: TEMPLATE });
  const alice = await openAs(browser, board.owner, "Alice", "Sales");
  const bruno = await openAs(browser, board.edit, "Bruno", "Finance");
  await alice.getByTestId("workshop-button").click();

  const rid = await startRoundVia(board, { questions: ["customer"], timerSeconds: 3, lockEditing: true });
  await expect(bruno.getByTestId("round-card")).toHaveAttribute("data-round-id", rid);
  await expect(bruno.getByTestId("editing-locked-banner")).toBeVisible();
  await expect(bruno.getByTestId("editing-paused-chip")).toBeVisible();
  await bruno.getByTestId(`answer-customer-${DEALER}-yes`).check();

  // Time is up: the facilitator is told, the pause and its chip go, the form stops sending.
  await expect(alice.getByTestId("time-up-notice")).toContainText("Time is up");
  await expect(alice.getByTestId("time-up-notice")).toContainText("Reveal the answers");
  await expect(alice.getByTestId("round-countdown")).toHaveText("Time is up");
  await expect(bruno.getByTestId("editing-locked-banner")).toHaveCount(0);
  await expect(bruno.getByTestId("editing-paused-chip")).toHaveCount(0);
  await expect(bruno.getByTestId("palette-manufacturer")).toBeVisible();
  await expect(bruno.getByTestId("round-status")).toHaveAttribute("data-status", "open");
  await expect(bruno.getByTestId("submit-answers")).toBeDisabled();
  await expect(bruno.getByTestId("answers-closed")).toHaveText("Time is up: this round no longer takes answers.");

  // A late answer, sent anyway, is refused by the server with a clear message.
  const late = await bruno.evaluate(
    async ([url, token]) => {
      const res = await fetch(url, {
        method: "PUT",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ participant: { name: "Bruno", function: "Finance" }, answers: { customer: { p4: { value: "yes" } } } }),
      });
      return { status: res.status, body: await res.json() };
    },
    [`/api/boards/${board.id}/rounds/${rid}/answers`, board.editToken] as const,
  );
  expect(late).toEqual({ status: 409, body: { error: expect.objectContaining({ code: "round_closed", message: expect.stringContaining("Time is up") }) } });
  await expect(alice.getByTestId("answered-count")).toHaveText("(0)");

  // A new round while this one is open asks first; keeping the current one changes nothing.
  await startRound(alice, ["strategy"]);
  await expect(alice.getByTestId("confirm-new-round")).toContainText("still taking answers");
  await alice.getByTestId("cancel-start-round").click();
  await expect(alice.getByTestId("confirm-new-round")).toHaveCount(0);
  await expect(bruno.getByTestId("round-card")).toHaveAttribute("data-round-id", rid);
  await alice.getByTestId("start-round").click();
  await alice.getByTestId("confirm-start-round").click();
  await expect(bruno.getByTestId("round-card")).not.toHaveAttribute("data-round-id", rid);
  await expect(bruno.getByTestId("answer-question-strategy")).toBeVisible();
  await expect(alice.getByTestId("time-up-notice")).toHaveCount(0);
});

