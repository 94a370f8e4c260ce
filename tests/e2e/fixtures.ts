/**
 * The browser tests' `test`: Playwright's, plus closing every browser context a test opened
 * for its participants once it ends. The browser lives for the whole run; pages left open
 * would keep syncing and rendering and slow every later test down on a two-core machine.
 */
import { test as base } from "@playwright/test";

export { expect } from "@playwright/test";

export const test = base.extend<{ closeParticipants: void }>({
  closeParticipants: [
    async ({ browser }, use) => {
      await use();
      await Promise.all(browser.contexts().map((context) => context.close()));
    },
    { auto: true },
  ],
});
