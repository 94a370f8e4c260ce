import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import WebSocket from "ws";
import { jitteredWebSocket, reconnectDelay } from "./reconnect";

describe("reconnect pacing", () => {
  it("connects at once the first time and spreads later attempts with full jitter", () => {
    expect(reconnectDelay(0, () => 0.99)).toBe(0);
    expect(reconnectDelay(1, () => 1)).toBe(1000);
    expect(reconnectDelay(3, () => 0.5)).toBe(2000);
    expect(reconnectDelay(20, () => 1)).toBe(30_000);
    expect(reconnectDelay(20, () => 0)).toBe(0);
  });

  it("spreads 500 clients returning after a restart over the whole window", () => {
    const delays = Array.from({ length: 500 }, () => reconnectDelay(1));
    const buckets = new Array(10).fill(0);
    for (const d of delays) buckets[Math.min(9, Math.floor(d / 100))]++;
    // Uniform over [0, 1 s): no 100 ms slice gets more than twice its share.
    expect(Math.max(...buckets)).toBeLessThan(100);
    expect(Math.min(...buckets)).toBeGreaterThan(20);
  });

  describe("the delayed socket class", () => {
    let wss: WebSocketServer;
    let url: string;
    beforeAll(async () => {
      wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
      await new Promise((r) => wss.once("listening", r));
      const addr = wss.address() as { port: number };
      url = `ws://127.0.0.1:${addr.port}`;
      wss.on("connection", (ws) => {
        connections++;
        ws.on("message", (m) => ws.send(m));
      });
    });
    let connections = 0;
    afterAll(() => {
      for (const c of wss.clients) c.terminate();
      return new Promise<void>((r) => wss.close(() => r()));
    });

    it("opens the real socket after the delay and relays messages both ways", async () => {
      const state = { attempt: 2 };
      const Cls = jitteredWebSocket(WebSocket as never, state, () => 0.1);
      const started = Date.now();
      const ws = new Cls(url);
      await new Promise<void>((resolve) => (ws.onopen = () => resolve()));
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
      expect(state.attempt).toBe(3);
      const echoed = new Promise<string>((resolve) => (ws.onmessage = (e) => resolve(Buffer.from(e.data as ArrayBuffer).toString())));
      ws.send("ping");
      expect(await echoed).toBe("ping");
      ws.close();
    });

    it("reports a close when closed before the real socket exists", async () => {
      const Cls = jitteredWebSocket(WebSocket as never, { attempt: 1 }, () => 0.2);
      const before = connections;
      const ws = new Cls(url);
      const closed = new Promise<number>((resolve) => (ws.onclose = (e) => resolve(e.code)));
      ws.close();
      expect(await closed).toBe(1000);
      await new Promise((r) => setTimeout(r, 400));
      expect(connections).toBe(before);
    });
  });
});
