/**
 * Every answer carries the security headers (issue 12): no framing by other sites, no referrer
 * carrying the board's token, no type sniffing, and a content security policy the board works
 * under: a real browser uses the home page and a board (palette, channel, questions worker,
 * service worker) and reports no policy violation.
 */
import { expect, test } from "./fixtures";
import { startServer, type RunningServer } from "../helpers/server";
import { boardOf, createBoardVia, drawChannel, openAs } from "./helpers";

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test("pages, API answers and health checks carry the security headers", async () => {
  const board = await createBoardVia(server.url);
  for (const url of [`${server.url}/`, board.edit, `${server.url}/api/boards/${board.id}/answers?t=${board.viewToken}`, `${server.url}/healthz`, `${server.url}/api/boards/nope/export`]) {
    const res = await fetch(url);
    expect(res.headers.get("x-frame-options"), url).toBe("DENY");
    expect(res.headers.get("referrer-policy"), url).toBe("no-referrer");
    expect(res.headers.get("x-content-type-options"), url).toBe("nosniff");
    expect(res.headers.get("content-security-policy"), url).toContain("frame-ancestors 'none'");
    if (url.includes("/api/")) expect(res.headers.get("cache-control"), url).toContain("no-store");
  }
});

test("the board works under the content security policy, with no violation reported", async ({ browser }) => {
  const board = await createBoardVia(server.url, { title: "Under a policy" });
  const violations: string[] = [];
  const page = await openAs(browser, board.edit, "Alice");
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.evaluate(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to load: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.reload();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
  await page.evaluate(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to load: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.getByTestId("palette-manufacturer").click();
  await page.getByTestId("palette-retailer").click();
  await expect(page.getByTestId("player-node")).toHaveCount(2);
  const [first, second] = (await boardOf(page)).players;
  await drawChannel(page, first.id, second.id);
  await expect(page.getByTestId("channel")).toHaveCount(1);
  // The answers come from a web worker: they appear only if the policy lets it run.
  await page.keyboard.press("q");
  await expect(page.getByText(/Manufacturer/).first()).toBeVisible();
  await page.waitForTimeout(500);
  expect(violations).toEqual([]);
  // Another site cannot frame the board.
  const framed = await page.evaluate(async (src) => {
    const frame = document.createElement("iframe");
    frame.src = src;
    document.body.appendChild(frame);
    await new Promise((r) => setTimeout(r, 1500));
    try {
      return frame.contentDocument?.body?.innerHTML ?? "blocked";
    } catch {
      return "blocked";
    }
  }, board.view);
  expect(framed === "blocked" || framed === "").toBe(true);
});
