/**
 * The browser tests' `test`: Playwright's, plus closing every browser context a test opened
 * for its participants once it ends. The browser lives for the whole run; pages left open
 * would keep syncing and rendering and slow every later test down on a two-core machine.
 */
import { test as base, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { runningServers } from "../helpers/server";

export { expect } from "@playwright/test";

/** A test that provokes a policy violation on purpose says so with this annotation. */
export const EXPECTS_CSP_VIOLATION = "csp-violation-expected";

/**
 * Collects every Content-Security-Policy violation in `context`'s pages: the browser's own
 * console report, and the `securitypolicyviolation` event (which also covers report-only cases
 * the console words differently).
 */
async function watchPolicy(context: BrowserContext, seen: string[]): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
  });
  const watch = (page: Page) =>
    page.on("console", (m) => {
      if (/Content Security Policy|CSP violation/i.test(m.text())) seen.push(`${page.url()}: ${m.text()}`);
    });
  context.pages().forEach(watch);
  context.on("page", watch);
}

export const test = base.extend<{ closeParticipants: void; serverLogsOnFailure: void; failOnPolicyViolation: void }>({
  // Every page of every test runs under the server's Content-Security-Policy; a violation (a
  // script, style, worker or connection the policy blocks) fails the test even when what it
  // checks still passed, because in production that piece would be missing.
  failOnPolicyViolation: [
    async ({ browser, context }, use, testInfo) => {
      const seen: string[] = [];
      await watchPolicy(context, seen);
      const b = browser as Browser & { newContext: Browser["newContext"] };
      const original = b.newContext;
      b.newContext = async (...args) => {
        const created = await original.apply(b, args);
        await watchPolicy(created, seen);
        return created;
      };
      try {
        await use();
      } finally {
        b.newContext = original;
      }
      if (testInfo.annotations.some((a) => a.type === EXPECTS_CSP_VIOLATION)) return;
      if (seen.length) throw new Error(`Content-Security-Policy violations:\n${seen.join("\n")}`);
    },
    { auto: true },
  ],
  closeParticipants: [
    async ({ browser }, use) => {
      await use();
      await Promise.all(browser.contexts().map((context) => context.close()));
    },
    { auto: true },
  ],
  // A failure on a busy machine is hard to reproduce: keep what the server said (connections
  // it closed and why, slow requests) beside the trace.
  serverLogsOnFailure: [
    async ({}, use, testInfo) => {
      await use();
      if (testInfo.status === testInfo.expectedStatus) return;
      for (const server of runningServers) await testInfo.attach(`server ${server.port}.log`, { body: server.output(), contentType: "text/plain" });
    },
    { auto: true },
  ],
});
