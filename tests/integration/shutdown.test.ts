/**
 * R-SHUTDOWN: SIGTERM drains the process. Three clients keep editing and asking for SAVED while
 * it happens; every one is closed with 1001 (stock clients reconnect, through a balancer to
 * another process), the process exits 0, and everything any of them was told SAVED for is in
 * the database. Requests that still reach the process on connections opened before the signal
 * are refused: an upgrade with 503 and Retry-After, /healthz with 503 shutting_down, so a load
 * balancer takes the process out. (collab.test.ts checks the simpler case of one client that
 * disconnected before the signal.)
 */
import net from "node:net";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPlayer } from "../../lib/collab/boardDoc";
import { makePlayer } from "../../lib/valuechain/model";
import { CloseCode } from "../../lib/collab/protocol";
import { startServer } from "../helpers/server";
import { createTestDatabase } from "../helpers/postgres";
import { createBoard } from "../helpers/clients";
import { sleep, storedDoc, TrackedClient, waitUntil } from "../helpers/chaos";
import { upgradeFrom } from "../helpers/fromAddress";

/**
 * An HTTP request whose header block is sent up to its last line now and finished later: its
 * connection is busy with a request (not idle) when the signal arrives, as a balancer's
 * kept-alive connection would be.
 */
function halfSentRequest(port: number, head: string): { finish(): Promise<string> } {
  const socket = net.connect(port, "127.0.0.1");
  let answer = "";
  socket.setEncoding("utf8");
  socket.on("data", (d) => (answer += d));
  socket.on("error", () => {});
  const ended = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.write(head);
  return {
    async finish() {
      socket.write("\r\n");
      await ended;
      return answer;
    },
  };
}

function upgradeHead(path: string): string {
  return (
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
    `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\n`
  );
}

/**
 * A websocket that completes its handshake and then never reads or answers anything, so the
 * server waits for it (up to 1 s, then cuts it off) before it exits: the window in which the
 * refusals above are observed.
 */
async function silentWebsocket(port: number, path: string): Promise<net.Socket> {
  const socket = net.connect(port, "127.0.0.1");
  socket.on("error", () => {});
  let head = "";
  const upgraded = new Promise<void>((resolve, reject) => {
    socket.on("data", (d) => {
      head += d.toString("latin1");
      if (head.includes("\r\n\r\n")) (head.startsWith("HTTP/1.1 101") ? resolve() : reject(new Error(head)));
    });
  });
  socket.write(`${upgradeHead(path)}\r\n`);
  await upgraded;
  socket.pause();
  return socket;
}

for (const provider of ["sqlite", "postgres"] as const) {
  describe(`SIGTERM on ${provider}`, () => {
    let databaseUrl: string | undefined;
    let drop = async () => {};
    beforeAll(async () => {
      if (provider === "postgres") ({ url: databaseUrl, drop } = await createTestDatabase());
    });
    afterAll(async () => {
      await drop();
    });

    it("R-SHUTDOWN: closes three editing clients with 1001, refuses what still arrives, exits 0, and every SAVED update is stored", async () => {
      const server = await startServer({ databaseUrl });
      const board = await createBoard(server.url);
      const clients = [0, 1, 2].map(() => new TrackedClient(server.wsUrl, board.id, board.editToken, { maxBackoffTime: 2000 }));
      let editing = true;
      const loops: Promise<void>[] = [];
      try {
        await waitUntil(() => clients.every((c) => c.provider.synced), 15_000, "clients synced");
        // Each client adds a player every few ms and asks for SAVED as fast as answers come.
        clients.forEach((client, n) => {
          loops.push(
            (async () => {
              for (let i = 0; editing; i++) {
                addPlayer(client.doc, makePlayer({ id: `c${n}-${i}`, name: `Client ${n} #${i}`, kind: "other" }));
                await sleep(3);
              }
            })(),
            (async () => {
              while (editing) if (!(await client.requestSaved())) await sleep(20);
            })(),
          );
        });
        await waitUntil(() => clients.every((c) => c.acked.updates >= 20), 15_000, "some edits acknowledged");

        const silent = await silentWebsocket(server.port, `/collab/${board.id}?t=${board.editToken}`);
        const lateUpgrade = halfSentRequest(server.port, upgradeHead(`/collab/${board.id}?t=${board.editToken}`));
        const lateHealth = halfSentRequest(server.port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        await sleep(50);

        const exited = server.stop();
        const goingAway = `${CloseCode.goingAway} server shutting down`;
        await waitUntil(() => clients.every((c) => c.closes.includes(goingAway)), 10_000, "every client closed with 1001");

        const upgradeAnswer = await lateUpgrade.finish();
        expect(upgradeAnswer).toMatch(/^HTTP\/1\.1 503 /);
        expect(upgradeAnswer).toMatch(/\r\nRetry-After: \d+\r\n/i);
        const healthAnswer = await lateHealth.finish();
        expect(healthAnswer).toMatch(/^HTTP\/1\.1 503 /);
        expect(healthAnswer).toContain('"code":"shutting_down"');
        // A new connection is not accepted at all.
        await expect(upgradeFrom(server.wsUrl, board.id, board.editToken)).rejects.toThrow(/ECONNREFUSED/);

        expect(await exited).toBe(0);
        silent.destroy();
        editing = false;
        await Promise.all(loops);
        for (const c of clients) {
          // Closed by the drain and by nothing else before it.
          expect(c.closes[0]).toBe(goingAway);
        }

        const stored = await storedDoc(server.databaseUrl, board.id);
        for (const [n, c] of clients.entries()) {
          expect(c.acked.updates, `client ${n} had edits acknowledged`).toBeGreaterThan(0);
          expect(c.acked.missingFrom(stored.doc), `client ${n}'s SAVED updates in the database`).toEqual([]);
        }
        stored.doc.destroy();
      } finally {
        editing = false;
        for (const c of clients) c.destroy();
        await server.kill();
      }
    }, 90_000);
  });
}
