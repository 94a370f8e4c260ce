/**
 * A describe block whose tests run against a fresh server on SQLite or on a throwaway
 * PostgreSQL database, so that a suite can prove the same promises on both.
 */
import { afterAll, beforeAll, describe } from "vitest";
import type { RunningServer } from "./server";
import { startServerWhenBuilt } from "./chaos";
import { createTestDatabase } from "./postgres";

/** `server` holds the suite's server; a test that restarts it stores the new one there, and that one is stopped. */
export function onDatabase(database: "sqlite" | "postgres", env: Record<string, string>, server: { set(s: RunningServer): void; get(): RunningServer | undefined }, body: () => void): void {
  describe(`on ${database}`, () => {
    let drop: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      let databaseUrl: string | undefined;
      if (database === "postgres") ({ url: databaseUrl, drop } = await createTestDatabase());
      server.set(await startServerWhenBuilt({ databaseUrl, env }));
    }, 11 * 60_000);
    afterAll(async () => {
      await server.get()?.stop();
      await drop?.();
    });
    body();
  });
}
