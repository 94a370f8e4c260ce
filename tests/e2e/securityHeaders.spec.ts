/**
 * Every answer carries the security headers (issue 12): no framing by other sites, no referrer
 * carrying the board's token, no type sniffing, and a content security policy the board works
 * under: a real browser uses the home page and a board (palette, channel, questions worker,
 * service worker) and reports no policy violation.
 */
import { EXPECTS_CSP_VIOLATION, expect, test } from "./fixtures";
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

/** The directive `name` of a policy, as its list of sources. */
function directive(policy: string, name: string): string[] {
  const found = policy.split(";").map((d) => d.trim().split(/\s+/)).find(([n]) => n === name);
  if (!found) throw new Error(`no ${name} in ${policy}`);
  return found.slice(1);
}

test("every page's scripts carry a nonce of their own answer, and the policy allows no other inline script", async () => {
  const board = await createBoardVia(server.url);
  const nonces = new Set<string>();
  for (const url of [`${server.url}/`, `${server.url}/`, board.edit, `${server.url}/no-such-page`]) {
    const res = await fetch(url);
    const policy = res.headers.get("content-security-policy")!;
    const scriptSrc = directive(policy, "script-src");
    expect(scriptSrc, url).not.toContain("'unsafe-inline'");
    expect(scriptSrc, url).not.toContain("'unsafe-eval'");
    const nonce = scriptSrc.find((s) => s.startsWith("'nonce-"))!.slice(7, -1);
    expect(nonce.length, url).toBeGreaterThanOrEqual(16);
    nonces.add(nonce);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length, url).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, url).toContain(`nonce="${nonce}"`);
    // Only this origin and its own websocket can be reached.
    expect(directive(policy, "connect-src"), url).toEqual(["'self'", `ws://${new URL(server.url).host}`]);
    expect(directive(policy, "object-src"), url).toEqual(["'none'"]);
    expect(res.headers.get("permissions-policy"), url).toContain("camera=()");
    expect(res.headers.get("strict-transport-security"), url).toBeNull();
  }
  expect(nonces.size).toBe(4);
});

test("an injected inline script or handler does not run, and the browser reports the violation", async ({ browser }) => {
  test.info().annotations.push({ type: EXPECTS_CSP_VIOLATION, description: "the injection is what is tested" });
  const board = await createBoardVia(server.url, { title: "Injected" });
  const page = await openAs(browser, board.edit, "Mallory");
  const reported = page.evaluate(
    () => new Promise<string>((resolve) => document.addEventListener("securitypolicyviolation", (e) => resolve(e.violatedDirective), { once: true })),
  );
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.appendChild(script);
    const img = document.createElement("img");
    img.setAttribute("onerror", "window.__handler = true");
    img.src = "data:,not-an-image";
    document.body.appendChild(img);
  });
  expect(await reported).toMatch(/^script-src/);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __handler?: boolean }).__handler)).toBeUndefined();
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
  // Another site cannot frame the board: the browser refuses it, and reports that refusal.
  test.info().annotations.push({ type: EXPECTS_CSP_VIOLATION, description: "framing the board is refused" });
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
