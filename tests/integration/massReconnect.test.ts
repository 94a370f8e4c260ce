/**
 * A restart with 500 connected clients: every client resyncs, and the jittered reconnect
 * (lib/collab/reconnect.ts, as the app uses it) spreads them out instead of a stampede.
 */
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import { startServer, type RunningServer } from "../helpers/server";
import { createBoard, waitFor } from "../helpers/clients";
import { jitteredWebSocket } from "../../lib/collab/reconnect";
import { addPlayer, readBoard } from "../../lib/collab/boardDoc";
import { makePlayer } from "../../lib/valuechain/model";

const CLIENTS = 500;
// 500 people on one link, here all from this machine's one address (R-ADMIT would refuse them).
const SERVER_ENV = { LOG_LEVEL: "error", MAX_CONNECTIONS_PER_ADDRESS: "1000", MAX_CONNECTIONS_PER_TOKEN: "1000" };

let server: RunningServer | undefined;
afterAll(() => server?.stop());

describe("restart with 500 connected clients", () => {
  it("resyncs them all, spread over time rather than at once", async () => {
    process.setMaxListeners(0);
    server = await startServer({ env: SERVER_ENV });
    const board = await createBoard(server.url, { template: "building-products" });
    const clients = Array.from({ length: CLIENTS }, () => {
      const doc = new Y.Doc();
      const backoff = { attempt: 0 };
      const provider = new WebsocketProvider(server!.wsUrl, board.id, doc, {
        params: { t: board.editToken },
        WebSocketPolyfill: jitteredWebSocket(WebSocket as never, backoff),
        disableBc: true,
        maxBackoffTime: 1000,
      });
      const synced: number[] = [];
      provider.on("sync", (s: boolean) => {
        if (!s) return;
        backoff.attempt = 1;
        synced.push(Date.now());
      });
      return { doc, provider, synced };
    });
    await waitFor(() => clients.every((c) => c.synced.length >= 1), 60_000, "initial sync of 500 clients");

    expect(await server.stop()).toBe(0);
    const restartedAt = Date.now();
    server = await startServer({ databaseUrl: server.databaseUrl, port: server.port, env: SERVER_ENV });
    await waitFor(() => clients.every((c) => c.synced.length >= 2), 90_000, "all 500 clients resynced");
    const resync = clients.map((c) => c.synced[1] - restartedAt).sort((a, b) => a - b);
    // Full jitter over ~1 s: the middle half of the clients does not arrive in one burst.
    expect(resync[Math.floor(CLIENTS * 0.75)] - resync[Math.floor(CLIENTS * 0.25)]).toBeGreaterThan(150);

    // And they are live: an edit from one reaches all others through the restarted server.
    addPlayer(clients[0].doc, makePlayer({ id: "after-restart", name: "After restart", kind: "other" }));
    await waitFor(() => clients.every((c) => readBoard(c.doc).players.some((p) => p.id === "after-restart")), 60_000, "edit after restart reaches all");
    for (const c of clients) {
      c.provider.destroy();
      c.doc.destroy();
    }
  }, 240_000);
});
