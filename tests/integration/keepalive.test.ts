/**
 * A quiet connection stays open. Stock y-websocket clients close a socket that brought no
 * message for 30 s, so someone alone on a board with no presence of their own (a viewer who
 * has not named themselves, a script) would see "Reconnecting…" twice a minute; the server
 * keeps such a connection fed (KEEPALIVE_MS in server/collab/connection.ts).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server";
import { connectClient, createBoard, whenSynced } from "../helpers/clients";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

it("a lone stock client without presence stays connected for 40 s (longer than y-websocket's 30 s silence limit)", async () => {
  const board = await createBoard(server.url);
  const client = connectClient(server.wsUrl, board.id, board.viewToken);
  client.provider.awareness.setLocalState(null);
  const statuses: string[] = [];
  client.provider.on("status", ({ status }: { status: string }) => statuses.push(status));
  await whenSynced(client);
  await new Promise((r) => setTimeout(r, 40_000));
  expect(statuses.filter((s) => s === "disconnected")).toEqual([]);
  expect(client.provider.wsconnected).toBe(true);
  client.provider.destroy();
}, 60_000);
