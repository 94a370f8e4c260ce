/**
 * The browser tests' `test`: Playwright's, plus closing every browser context a test opened
 * for its participants once it ends. The browser lives for the whole run; pages left open
 * would keep syncing and rendering and slow every later test down on a two-core machine.
 */
import { test as base } from "@playwright/test";
import { runningServers } from "../helpers/server";

export { expect } from "@playwright/test";

export const test = base.extend<{ closeParticipants: void; serverLogsOnFailure: void }>({
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
