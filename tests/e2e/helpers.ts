import { expect, type Browser, type Page } from "@playwright/test";

/** Opens a board link in a fresh browser context as a named participant. */
export async function openAs(browser: Browser, link: string, name: string, fn = "Sales"): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("pageerror", (err) => console.error(`[${name}] page error: ${err.message}`));
  await page.goto(link);
  await page.getByTestId("identity-name").fill(name);
  await page.getByTestId("identity-function").selectOption({ label: fn });
  await page.getByTestId("identity-submit").click();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  return page;
}

/** The live board as the page's own document holds it (test hook window.__chainboard). */
export function boardOf(page: Page) {
  return page.evaluate(() => {
    const doc = (window as unknown as { __chainboard: { doc: import("yjs").Doc } }).__chainboard.doc;
    const players = doc.getMap<import("yjs").Map<unknown>>("players");
    const channels = doc.getMap<import("yjs").Map<unknown>>("channels");
    // Free-text fields hold a string or a Y.Text; both print as their text.
    const text = (v: unknown) => (v === undefined ? undefined : String(v));
    const out = {
      title: text(doc.getMap("meta").get("title")),
      players: [...players.entries()].map(([id, m]) => ({ id, name: text(m.get("name")), kind: m.get("kind") as string, x: m.get("x") as number, y: m.get("y") as number })),
      channels: [...channels.entries()].map(([id, m]) => ({ id, from: m.get("from"), to: m.get("to"), flow: m.get("flow") })),
    };
    out.players.sort((a, b) => (a.id < b.id ? -1 : 1));
    out.channels.sort((a, b) => (a.id < b.id ? -1 : 1));
    return out;
  });
}

export async function createBoardVia(baseUrl: string, body: Record<string, unknown> = {}) {
  const res = await fetch(`${baseUrl}/api/boards`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  const b = (await res.json()) as { id: string; ownerToken: string; editToken: string; viewToken: string };
  return {
    ...b,
    owner: `${baseUrl}/b/${b.id}#t=${b.ownerToken}`,
    edit: `${baseUrl}/b/${b.id}#t=${b.editToken}`,
    view: `${baseUrl}/b/${b.id}#t=${b.viewToken}`,
  };
}

/** Drags from the source handle of one player to the target handle of another. */
export async function drawChannel(page: Page, fromId: string, toId: string) {
  const from = page.locator(`.react-flow__node[data-id="${fromId}"] .react-flow__handle.source`).first();
  const to = page.locator(`.react-flow__node[data-id="${toId}"] .react-flow__handle.target`).first();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}
