/**
 * Chaos: 20 stock y-websocket clients each make 500 board updates (add, move, rename players)
 * against the real server process; at a seeded moment the server is SIGKILLed, restarted on
 * the same port and database, and the clients reconnect by themselves and finish.
 *
 * "Acknowledged" = the server answered SAVED to a SAVE_REQUEST sent after the update on the
 * same socket (R-SAVED). Right after the kill, while the server is dead, the database must
 * already hold every acknowledged update. An update relayed to another client may not be
 * committed yet when the server dies (R-COMMIT: relay at once, commit right after): it must be
 * in the database at the end all the same, resent by the clients that saw it when they
 * reconnect. At the end the database must equal every client.
 *
 * One server process serves the whole file; each seed gets its own board and one kill.
 * CHAOS_SEEDS (npm run test:chaos) raises the number of seeds.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addPlayer, movePlayers, playersOf, readBoard, updatePlayer } from "../../lib/collab/boardDoc";
import { makePlayer, PLAYER_KINDS } from "../../lib/valuechain/model";
import { type RunningServer } from "../helpers/server";
import { waitFor } from "../helpers/clients";
import { fuzzSeeds, Rng } from "../helpers/fuzz";
import {
  Coverage,
  TrackedClient,
  canonicalJson,
  waitUntil,
  expectSameForm,
  normalForm,
  startServerWhenBuilt,
  stateVectorOf,
  storedDoc,
  contentKey,
} from "../helpers/chaos";
import { createBoardInDb } from "../helpers/seedBoards";
import { onDatabase } from "../helpers/onDatabase";

const CLIENTS = 20;
const UPDATES_PER_CLIENT = 500;
/** Seeds that once failed; they run first, every time. */
const PINNED: number[] = [];
const SEEDS = fuzzSeeds(5, PINNED, 0xc0ffee);
/** The variant with client deaths: 1 seed by default, a quarter of CHAOS_SEEDS in chaos runs. */
const VARIANT_SEEDS = fuzzSeeds(1, [], 0xdead, 0.25);

/**
 * The test drives 20 clients from one process in bursts, far above one person's rate; the
 * per-connection rate limit (close code 4429, MAX_MESSAGES_PER_SECOND) is not under test here.
 */
const SERVER_ENV = { MAX_MESSAGES_PER_SECOND: "1000000", LOG_LEVEL: "error" };

let server: RunningServer;
/** PostgreSQL, the production database, runs fewer seeds by default: 2, or CHAOS_SEEDS. */
const PG_SEEDS = fuzzSeeds(2, [], 0xbeef);

/** Each suite below runs on a fresh server of its own; the tests reach it through `server`. */
const onDb = (database: "sqlite" | "postgres", body: () => void) => onDatabase(database, SERVER_ENV, { set: (s) => (server = s), get: () => server }, body);

/** One random board operation on `doc` by client `index`: add, move or rename a player (of `ids`, read once per round). */
function randomOp(doc: Y.Doc, rng: Rng, index: number, n: number, ids: string[]): void {
  const roll = rng.float();
  if (ids.length < 3 || roll < 0.04) {
    addPlayer(doc, makePlayer({ id: `c${index}-p${n}`, name: `P ${index}.${n}`, kind: rng.pick(PLAYER_KINDS), x: rng.int(2000), y: rng.int(1000) }));
  } else if (roll < 0.6) {
    movePlayers(doc, [{ id: rng.pick(ids), x: rng.int(2000), y: rng.int(1000) }]);
  } else {
    updatePlayer(doc, rng.pick(ids), { name: `name ${index}.${n}` });
  }
}

interface RunOptions {
  /** How many clients die abruptly during the run and never come back. */
  clientKills: number;
}

interface RunReport {
  /** Updates acknowledged with SAVED when the server died. */
  ackedAtKill: number;
  /** Distinct updates relayed before the server died. */
  relayedAtKill: number;
  /** Of those, how many the database did not hold yet when the server died (relayed before their commit). */
  relayedUncommittedAtKill: number;
  killedAtOp: number;
  killedOn: string;
  offlineOps: number;
  missingAtKill: string[];
  missingAtEnd: string[];
  /** Survivors whose raw encodeStateAsUpdate equals the database's byte for byte. */
  byteIdentical: number;
}

async function runKillRestart(seed: number, opts: RunOptions): Promise<RunReport> {
  const rng = new Rng(seed);
  const board = await createBoardInDb(server.databaseUrl, `kill ${seed}`);
  const relayed = new Coverage();
  /**
   * When the kill comes: at an arbitrary point of the test's loop, or the very instant a client
   * receives a relay or a SAVED while the server is mid-burst. An acknowledgement sent before
   * its commit (an R-COMMIT or R-SAVED bug) is then lost with the process, and caught.
   */
  const killOn = rng.pick(["loop", "relay", "saved"] as const);
  let armed = false;
  let killSent = false;
  const onAck = (kind: "relay" | "saved") => {
    if (!armed || kind !== killOn) return;
    armed = false;
    killSent = true;
    server.proc.kill("SIGKILL");
  };
  const clients = Array.from({ length: CLIENTS }, () => new TrackedClient(server.wsUrl, board.id, board.editToken, { relayed, onAck }));
  const rngs = clients.map(() => rng.fork());
  const report: RunReport = { ackedAtKill: 0, relayedAtKill: 0, relayedUncommittedAtKill: 0, killedAtOp: 0, killedOn: killOn, offlineOps: 0, missingAtKill: [], missingAtEnd: [], byteIdentical: 0 };
  const t0 = performance.now();
  let issued = 0;
  const mark = (what: string) => {
    if (process.env.CHAOS_DEBUG) console.log(`[seed ${seed}] ${what} at ${Math.round(performance.now() - t0)} ms, ${issued} updates issued`);
  };
  try {
    await waitFor(() => clients.every((c) => c.provider.synced), 30_000, "all clients synced");

    const total = CLIENTS * UPDATES_PER_CLIENT;
    const killAt = rng.range(Math.floor(total * 0.15), Math.floor(total * 0.85));
    const offlineRounds = rng.range(0, 40);
    // Client deaths, at random points of the run (before and after the server's).
    const clientDeaths = new Map<number, number>();
    for (const i of rng.sample([...clients.keys()], opts.clientKills)) clientDeaths.set(i, rng.range(Math.floor(total * 0.05), Math.floor(total * 0.95)));

    const alive = () => clients.filter((c) => !c.killed);
    const unfinished = () => alive().some((c) => c.localUpdates < UPDATES_PER_CLIENT);
    const round = () => {
      clients.forEach((c, i) => {
        if (c.killed || c.localUpdates >= UPDATES_PER_CLIENT) return;
        const burst = rngs[i].range(0, 3);
        const ids = burst ? [...playersOf(c.doc).keys()] : [];
        for (let k = 0; k < burst && c.localUpdates < UPDATES_PER_CLIENT; k++) {
          const before = c.localUpdates;
          randomOp(c.doc, rngs[i], i, issued, ids);
          issued += c.localUpdates - before;
        }
        // Like the app: every so often, ask the server to confirm what was sent so far.
        if (rngs[i].chance(0.15)) void c.requestSaved();
        const deathAt = clientDeaths.get(i);
        if (deathAt !== undefined && issued >= deathAt) c.kill();
      });
    };

    const crashAndRestart = async () => {
      report.killedAtOp = issued;
      mark(`kill (${killOn})`);
      await server.kill();
      // Every frame the dead server sent has been read once each client saw its socket close.
      await waitFor(() => alive().every((c) => !c.provider.wsconnected), 10_000, "clients notice the crash");
      const acked = new Coverage();
      for (const c of clients) acked.merge(c.acked);
      report.ackedAtKill = acked.updates;
      report.relayedAtKill = relayed.updates;
      const stored = await storedDoc(server.databaseUrl, board.id);
      report.missingAtKill = acked.missingFrom(stored.doc);
      report.relayedUncommittedAtKill = relayed.missingFrom(stored.doc).length;
      stored.doc.destroy();
      // Clients keep editing while the server is down: offline edits, pushed on reconnect.
      const before = issued;
      for (let r = 0; r < offlineRounds && unfinished(); r++) round();
      report.offlineOps = issued - before;
      server = await startServerWhenBuilt({ databaseUrl: server.databaseUrl, port: server.port, env: SERVER_ENV });
      mark("restarted");
    };

    let crashed = false;
    while (unfinished()) {
      round();
      await new Promise((r) => setImmediate(r));
      if (crashed) continue;
      if (issued >= killAt && killOn === "loop") killSent = true;
      else if (issued >= killAt && !killSent) armed = true;
      if (killSent) {
        crashed = true;
        await crashAndRestart();
      }
    }
    if (!crashed) {
      // No acknowledgement of the chosen kind came after killAt: crash now.
      armed = false;
      await crashAndRestart();
    }

    mark("all issued");
    const survivors = alive();
    await waitUntil(
      () => {
        if (!survivors.every((c) => c.provider.synced)) return false;
        const key = contentKey(survivors[0].doc);
        return survivors.every((c) => contentKey(c.doc).equals(key));
      },
      60_000,
      "survivors converge",
      100,
    ).catch((error: Error) => {
      // Say what each survivor was doing, so a failure can be understood from its log alone.
      const key = contentKey(survivors[0].doc);
      const states = survivors.map(
        (c, i) => `#${i} synced=${c.provider.synced} connected=${c.provider.wsconnected} same=${contentKey(c.doc).equals(key)} closes=[${c.closes.slice(-4).join("; ")}]`,
      );
      throw new Error(`${error.message}\n${states.join("\n")}`);
    });
    await Promise.all(survivors.map((c) => c.saveAll()));
    mark("converged and saved");

    const stored = await storedDoc(server.databaseUrl, board.id);
    const acked = new Coverage();
    for (const c of clients) acked.merge(c.acked);
    // Relayed updates too, committed or not when the server died: the clients that saw them resent them.
    acked.merge(relayed);
    report.missingAtEnd = acked.missingFrom(stored.doc);
    // Usually the raw encodings match byte for byte; they need not (see normalForm), so a
    // client whose bytes differ is compared on the normal form instead.
    const dbBytes = Buffer.from(Y.encodeStateAsUpdate(stored.doc));
    const fromDb = normalForm(stored.doc);
    const dbBoard = canonicalJson(readBoard(stored.doc));
    survivors.forEach((c, i) => {
      expect(Buffer.from(Y.encodeStateVector(c.doc)).equals(Y.encodeStateVector(stored.doc))).toBe(true);
      if (canonicalJson(readBoard(c.doc)) !== dbBoard) expect(readBoard(c.doc)).toEqual(readBoard(stored.doc));
      if (dbBytes.equals(Y.encodeStateAsUpdate(c.doc))) report.byteIdentical++;
      else expectSameForm(normalForm(c.doc), fromDb, expect, `client ${i} vs database`);
    });
    // Every surviving client's own updates are all in the database.
    for (const c of survivors) expect(stateVectorOf(stored.doc)[String(c.doc.clientID)]).toBe(Y.getState(c.doc.store, c.doc.clientID));
    stored.doc.destroy();
    mark(`checked ${JSON.stringify({ ...report, missingAtKill: report.missingAtKill.length, missingAtEnd: report.missingAtEnd.length })}`);
    return report;
  } finally {
    for (const c of clients) c.destroy();
  }
}

describe("chaos: SIGKILL and restart under 20 writers", () => {
  const killRestart = (seed: number) =>
    it(`keeps every acknowledged update through a kill -9 and converges clients and database after the restart (R-COMMIT, R-SAVED, R-LOAD), seed ${seed}`, async () => {
      const r = await runKillRestart(seed, { clientKills: 0 });
      expect(r.ackedAtKill).toBeGreaterThan(0);
      expect(r.missingAtKill).toEqual([]);
      expect(r.missingAtEnd).toEqual([]);
    }, 180_000);

  onDb("sqlite", () => {
    for (const seed of SEEDS) killRestart(seed);
    for (const seed of VARIANT_SEEDS) {
      it(`loses at most never-acknowledged updates when clients die abruptly as well as the server (R-SAVED, R-COMMIT), seed ${seed}`, async () => {
        const r = await runKillRestart(seed, { clientKills: 5 });
        expect(r.ackedAtKill).toBeGreaterThan(0);
        expect(r.missingAtKill).toEqual([]);
        expect(r.missingAtEnd).toEqual([]);
      }, 180_000);
    }
  });

  onDb("postgres", () => {
    for (const seed of PG_SEEDS) killRestart(seed);
  });
});
