// Worker thread: commits the grouped updates to the SQLite file on a connection of its own.
// better-sqlite3 is synchronous, so on the event loop every commit (with synchronous=FULL, a
// write that waits for the disk) stalled the relay of everyone's edits for its whole duration;
// here it stalls nothing but this thread. Plain JavaScript, like compactWorker.mjs.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs });
db.pragma(`synchronous = ${workerData.synchronous}`);
db.pragma("foreign_keys = ON");
const insert = db.prepare(`INSERT INTO "DocUpdate" ("boardId", "data", "createdAt") VALUES (?, ?, ?) RETURNING "id"`);
// All batches in one transaction: every board's updates are committed, or none.
const appendAll = db.transaction((batches, createdAt) =>
  batches.map((batch) => batch.updates.map((update) => Number(insert.get(batch.boardId, update, createdAt).id))),
);

parentPort.on("message", ({ id, batches }) => {
  try {
    // The text Prisma writes for a DateTime on SQLite.
    const createdAt = new Date().toISOString().replace("Z", "+00:00");
    parentPort.postMessage({ id, ids: appendAll(batches, createdAt) });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
