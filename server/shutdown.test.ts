import { describe, expect, it } from "vitest";
import pino from "pino";
import { closeEvery, Drain } from "./shutdown";

const log = pino({ level: "silent" });

describe("draining on SIGTERM (R-SHUTDOWN)", () => {
  it("stops accepting, commits, closes connections, commits late arrivals, then closes the stores, once", async () => {
    const order: string[] = [];
    const drain = new Drain();
    const steps = {
      stopAccepting: () => void order.push(`stop (active: ${drain.active})`),
      commitPending: async () => void order.push("commit"),
      closeConnections: async () => void order.push("close connections"),
      closeStores: async () => void order.push("close stores"),
    };
    expect(drain.active).toBe(false);
    expect(await drain.run(steps, log)).toBe(true);
    expect(await drain.run(steps, log)).toBe(true);
    expect(order).toEqual(["stop (active: true)", "commit", "close connections", "commit", "close stores"]);
  });

  it("runs the remaining steps after one fails and reports the drain as not clean", async () => {
    const order: string[] = [];
    const clean = await new Drain().run(
      {
        stopAccepting: () => void order.push("stop"),
        commitPending: async () => {
          order.push("commit");
          throw new Error("database gone");
        },
        closeConnections: async () => void order.push("close connections"),
        closeStores: async () => void order.push("close stores"),
      },
      log,
    );
    expect(clean).toBe(false);
    expect(order).toEqual(["stop", "commit", "close connections", "commit", "close stores"]);
  });

  it("closes connections that join while it waits, and gives up on one that never finishes closing", async () => {
    const live = new Set<{ close(code: number, reason: string): void }>();
    const closed: string[] = [];
    const connection = (id: string, closesAfterMs: number | null) => {
      const conn = {
        close(code: number) {
          if (closed.includes(id)) return;
          closed.push(`${id}`);
          expect(code).toBe(1001);
          if (closesAfterMs !== null) setTimeout(() => live.delete(conn), closesAfterMs);
        },
      };
      return conn;
    };
    live.add(connection("slow", 80));
    setTimeout(() => live.add(connection("late", 5)), 20);
    await closeEvery(live, 1001, "server shutting down", 1000);
    expect(closed).toEqual(["slow", "late"]);
    expect(live.size).toBe(0);

    live.add(connection("stuck", null));
    const started = Date.now();
    await closeEvery(live, 1001, "server shutting down", 200);
    expect(closed).toContain("stuck");
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});
