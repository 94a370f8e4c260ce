/**
 * `npm run bench hostile`: what the attacks of issue 10 cost everyone else, measured on the
 * real server. For each attack: the longest event-loop stall the server measured
 * (monitorEventLoopDelay, via /healthz), the slowest round trip of an edit between two
 * bystanders on another board, and the server's rss before and after; each against the same
 * figures for a quiet run of the same length (the baseline), in the same process run.
 */
import * as Y from "yjs";
import { addPlayer, playersOf, updatePlayer } from "../lib/collab/boardDoc";
import { makePlayer } from "../lib/valuechain/model";
import { SyncType } from "../lib/collab/protocol";
import { startServer, type RunningServer } from "../tests/helpers/server";
import { TrackedClient, sleep } from "../tests/helpers/chaos";
import { waitFor } from "../tests/helpers/clients";
import { createBoardInDb } from "../tests/helpers/seedBoards";
import { RawSocket, syncFrame } from "../tests/helpers/rawSocket";
import { heavyBoardState, serverMemoryMB, storeSnapshot, watchHealth } from "../tests/helpers/load";

interface Figures {
  name: string;
  maxLoopMs: number;
  worstEditMs: number;
  edits: number;
  rssBeforeMB: number;
  rssAfterMB: number;
}

const EMPTY_SV = Y.encodeStateVector(new Y.Doc());

async function measure(server: RunningServer, name: string, attack: () => Promise<void>): Promise<Figures> {
  const board = await createBoardInDb(server.databaseUrl, `Bystanders of ${name}`);
  const a = new TrackedClient(server.wsUrl, board.id, board.editToken);
  const b = new TrackedClient(server.wsUrl, board.id, board.editToken);
  await waitFor(() => a.provider.synced && b.provider.synced, 30_000, "bystanders sync");
  const before = await serverMemoryMB(server.url);
  const health = watchHealth(server.url, 25);
  let running = true;
  let edits = 0;
  let worstEditMs = 0;
  const loop = (async () => {
    while (running) {
      const id = `e${edits++}`;
      const sent = performance.now();
      addPlayer(a.doc, makePlayer({ id, name: id, kind: "retailer" }));
      await waitFor(() => playersOf(b.doc).has(id), 60_000, "bystander edit");
      worstEditMs = Math.max(worstEditMs, performance.now() - sent);
      await sleep(50);
    }
  })();
  await attack();
  running = false;
  await loop;
  const figures = await health.stop();
  const after = await serverMemoryMB(server.url);
  a.destroy();
  b.destroy();
  return { name, maxLoopMs: figures.maxLoopMs, worstEditMs, edits, rssBeforeMB: before.rssMB, rssAfterMB: after.rssMB };
}

export async function benchHostile(rounds: number): Promise<void> {
  console.log(`\nhostile load: ${rounds} round(s); the server's longest event-loop stall and the slowest bystander edit, per attack`);
  const rows: Figures[][] = [];
  for (let round = 0; round < rounds; round++) {
    const server = await startServer({ env: { LOG_LEVEL: "error" } });
    const sockets: RawSocket[] = [];
    const open = async (boardId: string, token: string) => {
      const s = await RawSocket.open(`${server.wsUrl}/${boardId}?t=${token}`);
      sockets.push(s);
      return s;
    };
    try {
      const fourMB = await createBoardInDb(server.databaseUrl, "4 MB");
      const doc = new Y.Doc();
      Y.applyUpdate(doc, heavyBoardState(2000));
      updatePlayer(doc, "p0", { notes: "n".repeat(4 * 1024 * 1024) });
      await storeSnapshot(server.databaseUrl, fourMB.id, Y.encodeStateAsUpdate(doc));
      const full = await createBoardInDb(server.databaseUrl, "Full");
      await storeSnapshot(server.databaseUrl, full.id, heavyBoardState(110_000));
      // Both loaded beforehand: loading is not what is measured.
      for (const b of [fourMB, full]) {
        const s = await open(b.id, b.viewToken);
        await s.waitFor(() => true, 60_000);
      }

      const row: Figures[] = [];
      row.push(await measure(server, "quiet (baseline)", () => sleep(4000)));
      const readers = await Promise.all(Array.from({ length: 30 }, () => open(fourMB.id, fourMB.viewToken)));
      row.push(
        await measure(server, "30 non-readers x 10 sync requests, 4 MB board", async () => {
          for (const r of readers) r.stopReading();
          for (let i = 0; i < 10; i++) for (const r of readers) r.send(syncFrame(SyncType.step1, EMPTY_SV));
          await sleep(4000);
          for (const r of readers) r.terminate();
        }),
      );
      const askers = await Promise.all(Array.from({ length: 10 }, () => open(full.id, full.viewToken)));
      row.push(
        await measure(server, "10 sockets x 10 sync requests, board of 110,000 structs", async () => {
          for (const s of askers) for (let i = 0; i < 10; i++) s.send(syncFrame(SyncType.step1, EMPTY_SV));
          await sleep(4000);
        }),
      );
      row.push(
        await measure(server, "one client fills a board to MAX_DOC_MEMORY_BYTES", async () => {
          const b = await createBoardInDb(server.databaseUrl, "Filled");
          const s = await open(b.id, b.editToken);
          const d = new Y.Doc();
          const updates: Uint8Array[] = [];
          d.on("update", (u: Uint8Array) => updates.push(u));
          for (let n = 0; n < 200 && !s.closed; n++) {
            d.transact(() => {
              for (let i = 0; i < 5000; i++) d.getMap("junk").set(`k${n}-${i}`, i);
            });
            s.send(syncFrame(SyncType.update, updates.shift()!));
            await sleep(50);
          }
          await sleep(1000);
        }),
      );
      rows.push(row);
    } finally {
      for (const s of sockets) s.terminate();
      await server.stop();
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const base = { loop: median(rows.map((r) => r[0].maxLoopMs)), edit: median(rows.map((r) => r[0].worstEditMs)) };
  console.log("| attack | longest stall ms | x quiet | slowest bystander edit ms | x quiet | rss before → after MB |");
  console.log("|---|---|---|---|---|---|");
  for (let i = 0; i < rows[0].length; i++) {
    const loop = median(rows.map((r) => r[i].maxLoopMs));
    const edit = median(rows.map((r) => r[i].worstEditMs));
    const rss = `${median(rows.map((r) => r[i].rssBeforeMB)).toFixed(0)} → ${median(rows.map((r) => r[i].rssAfterMB)).toFixed(0)}`;
    console.log(`| ${rows[0][i].name} | ${loop.toFixed(1)} | ${(loop / base.loop).toFixed(2)} | ${edit.toFixed(0)} | ${(edit / base.edit).toFixed(2)} | ${rss} |`);
  }
  console.log("(medians of the rounds; per round stalls: " + rows.map((r) => r.map((f) => f.maxLoopMs).join("/")).join(", ") + ")");
}
