/**
 * Chainboard's single process: the Next.js app and the collaboration websocket on one port.
 *
 *   HTTP  /healthz            answered here (no Next round-trip)
 *   HTTP  /metrics            Prometheus text format (server/metrics)
 *   HTTP  everything else     Next.js pages and /api route handlers
 *   WS    /collab/{boardId}   the y-websocket endpoint (server/collab)
 *   WS    /_next/*            left to Next (dev HMR)
 */
import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import path from "node:path";
import next from "next";
import { loadConfig, type Config } from "./config";
import { createLogger, redactTokens } from "./logger";
import { openDatabase } from "./db/database";
import { BoardService } from "./boards/boardService";
import { PrismaDocStore } from "./collab/prismaDocStore";
import { RoomManager } from "./collab/rooms";
import { heapBudget } from "./collab/memory";
import { LiveBoards } from "./boards/liveBoards";
import { VersionService } from "./versions/versionService";
import { autoVersionHooks } from "./versions/autoVersions";
import { RoundService } from "./workshop/roundService";
import { COLLAB_PREFIX, createCollab } from "./collab/upgrade";
import { CloseCode } from "../lib/collab/protocol";
import { publishRuntime, type Runtime } from "./runtime";
import { isReportRequest, isSecure, newNonce, securityHeaders } from "./http/securityHeaders";
import { CLIENT_ADDRESS_HEADER } from "./http/clientAddress";
import { createRateLimits } from "./limits/rateLimits";
import { memoryStore, redisStore } from "./limits/store";
import { clientAddress } from "./collab/admission";
import { bodyTooLargeMessage } from "./api/bodyLimit";
import { RedisFanout } from "./scale/redisFanout";
import { PdfRenderer } from "./report/pdfRenderer";
import { SqliteAppender } from "./collab/sqliteAppender";
import { boardAccessHooks } from "./boards/collabAccess";
import { commitBatchBoards, commitBatchUpdates, commitDuration, redisErrors, redisRoundTrip, registerGauges, relayLag } from "./metrics/metrics";
import { isMetricsRequest, serveMetrics } from "./metrics/endpoint";
import { closeEvery, Drain, DRAIN_DEADLINE_MS, DRAINING_HEALTH, refuseUpgradeWhileDraining } from "./shutdown";

const ROOT = path.join(import.meta.dirname, "..");

export async function main(config: Config = loadConfig()): Promise<void> {
  const log = createLogger(config.logLevel);
  const db = await openDatabase(config.databaseUrl, { sqliteSynchronous: config.sqliteSynchronous });
  if (db.applied.length) log.info({ migrations: db.applied }, "applied database migrations");
  const boards = new BoardService(db.prisma);
  // On SQLite the grouped commit waits for the disk in a worker thread, never on the event loop.
  const sqliteFile = db.provider === "sqlite" ? config.databaseUrl.slice("file:".length) : null;
  const appender = sqliteFile && sqliteFile !== ":memory:" ? new SqliteAppender(sqliteFile, config.sqliteSynchronous) : null;
  const rooms = new RoomManager(new PrismaDocStore(db.prisma, appender), { ...config.limits, heapBudget: heapBudget(config.limits.maxHeapBytes) }, log, (commit) => {
    commitDuration.observe(commit.seconds);
    commitBatchUpdates.observe(commit.updates);
    commitBatchBoards.observe(commit.boards);
  });
  const live = new LiveBoards(rooms);
  const versions = new VersionService(db.prisma, live, log, config.limits);
  rooms.addHooks(autoVersionHooks(versions, log));
  const rounds = new RoundService(db.prisma, live, log, config.limits);
  // Several processes, one service: each board's edits and presence cross processes through Redis.
  const fanout = config.redisUrl
    ? new RedisFanout({ redisUrl: config.redisUrl, prefix: config.fanout.channelPrefix, orphanMs: config.fanout.orphanMs, pipeline: rooms.pipeline,
        log,
        observe: {
          relayLag: (seconds) => relayLag.observe({ path: "redis" }, seconds),
          redisRoundTrip: (seconds) => redisRoundTrip.observe(seconds),
          redisError: () => redisErrors.inc(),
        },
      })
    : null;
  if (fanout) {
    await fanout.connect();
    rooms.addHooks(fanout);
  }
  const limitStore = config.redisUrl ? await redisStore(config.redisUrl, config.rates.keyPrefix, log) : memoryStore(config.rates.keyPrefix);
  const rateLimits = createRateLimits(config.rates, limitStore);
  const pdf = new PdfRenderer(config.chromiumPath);
  const runtime: Runtime = { config, db, boards, rooms, live, versions, rounds, log, startedAt: Date.now(), collab: null, rateLimits, pdf };
  publishRuntime(runtime);

  const app = next({ dev: config.dev, dir: ROOT, hostname: "localhost", port: config.port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const collab = createCollab({
    access: boardAccessHooks(boards),
    rooms,
    log,
    allowedOrigins: config.allowedOrigins,
    maxMessageBytes: config.limits.maxMessageBytes,
    limits: config.limits,
    tokenRecheckMs: config.limits.tokenRecheckMs,
    trustProxy: config.trustProxy,
    authFailures: rateLimits.authFailures,
  });
  runtime.collab = collab;
  registerGauges({ boardsLoaded: () => rooms.loadedCount, connections: () => collab.connections.size });
  const drain = new Drain();

  const declaredTooLarge = (req: http.IncomingMessage) => Number(req.headers["content-length"]) > config.limits.maxBodyBytes;

  const headerPolicy = { dev: config.dev, frameAncestors: config.frameAncestors, hstsMaxAge: config.hstsMaxAge };
  function onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const started = performance.now();
    const nonce = newNonce();
    const headers = securityHeaders(headerPolicy, nonce, { host: req.headers.host, secure: isSecure(req, config.trustProxy), report: isReportRequest(req.url) });
    for (const [name, value] of headers) res.setHeader(name, value);
    // Next.js reads the nonce for its own scripts from the request's policy (a client's own
    // Content-Security-Policy request header is overwritten here, never trusted).
    req.headers["content-security-policy"] = headers.find(([name]) => name === "Content-Security-Policy")![1];
    // API answers carry board content and links: never kept by a browser or proxy cache.
    if (req.url?.startsWith("/api/")) res.setHeader("Cache-Control", "no-store");
    // Route handlers see the client's address only through this header, which a client cannot set.
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req, config.trustProxy);
    const socket = req.socket;
    res.on("finish", () => {
      log.info({ method: req.method, url: redactTokens(req.url ?? ""), status: res.statusCode, ms: Math.round(performance.now() - started) }, "http");
      // A response sent before its request body has fully arrived (a 413, or a route that never
      // read the body) closes the connection once it is flushed: keeping it alive would mean
      // reading, and throwing away, everything the client is still sending.
      // A small declared body is drained instead, so the client reads the answer (a 429, say)
      // rather than a reset.
      if (req.complete) return;
      const declared = Number(req.headers["content-length"] ?? NaN);
      if (declared <= 64 * 1024) req.resume();
      else socket.destroy();
    });
    // A kept-alive connection would bring more requests to a process on its way out.
    if (drain.active) res.setHeader("connection", "close");
    if (req.url === "/healthz") return void healthz(res);
    if (isMetricsRequest(req.url)) return void serveMetrics(req, res, { token: config.metricsToken, trustProxy: config.trustProxy });
    // Refused before Next sees it, for every route: a declared size over the limit is not read at all.
    if (declaredTooLarge(req)) return void tooLarge(res);
    if (req.url?.startsWith("/b/")) return void boardPage(req, res);
    void handle(req, res);
  }

  /**
   * A board page checks its link like the API does, so an address blocked for wrong tokens gets
   * its 429 here (a page cannot set its own status); the page counts the wrong links.
   */
  async function boardPage(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const address = String(req.headers[CLIENT_ADDRESS_HEADER]);
    const refusal = await rateLimits.authFailures.refused(address).catch((err: unknown) => {
      log.error({ err }, "rate-limit check failed; the page checks the link itself");
      return null;
    });
    if (!refusal) return handle(req, res);
    res.writeHead(429, { "content-type": "text/plain; charset=utf-8", "retry-after": String(refusal.retryAfter) });
    res.end(refusal.message);
  }

  const server = http.createServer(onRequest);
  // `Expect: 100-continue` (curl sends it for large uploads): a body that is too large is
  // refused before the client starts sending it.
  server.on("checkContinue", (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!declaredTooLarge(req)) res.writeContinue();
    onRequest(req, res);
  });

  // The longest stall of the event loop since the previous /healthz: what a burst of work
  // (a large sync, a load) cost everyone else, measured where it happens.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();

  function tooLarge(res: http.ServerResponse): void {
    res.writeHead(413, { "content-type": "application/json", connection: "close" });
    res.end(JSON.stringify({ error: { code: "too_large", message: bodyTooLargeMessage(config.limits.maxBodyBytes) } }));
  }

  async function healthz(res: http.ServerResponse): Promise<void> {
    if (drain.active) {
      res.writeHead(503, { "content-type": "application/json" });
      return void res.end(JSON.stringify(DRAINING_HEALTH));
    }
    try {
      await db.prisma.$queryRawUnsafe("SELECT 1");
      const { heapUsed, rss } = process.memoryUsage();
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          ok: true,
          database: db.provider,
          loadedBoards: rooms.loadedCount,
          connections: collab.connections.size,
          rateLimits: limitStore.state(),
          fanout: fanout ? fanout.state() : "single-process",
          heapUsed,
          rss,
          eventLoopMaxMs: Math.round(loopDelay.max / 1e5) / 10,
        }),
      );
      loopDelay.reset();
    } catch {
      res.writeHead(503, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error: { code: "database_unavailable", message: "The database does not answer." } }));
    }
  }

  server.on("upgrade", (req, socket, head) => {
    const url = req.url ?? "";
    if (drain.active) return refuseUpgradeWhileDraining(socket);
    if (url.startsWith(COLLAB_PREFIX)) return collab.handleUpgrade(req, socket, head);
    // Next attaches its own upgrade listener for dev HMR on /_next/*; leave those alone.
    if (!url.startsWith("/_next/")) socket.destroy();
  });

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  log.info({ port, database: db.provider }, `Chainboard is running at http://localhost:${port}`);
  // Workshop timers that ran while the server was down end now; the others are set again.
  rounds.resumeTimers().catch((err: unknown) => log.warn({ err }, "could not resume the workshop rounds' timers"));

  async function shutdown(signal: string): Promise<void> {
    if (drain.active) return;
    log.info({ signal }, "shutting down: draining");
    setTimeout(() => {
      log.error("shutdown did not finish in time; exiting");
      process.exit(1);
    }, DRAIN_DEADLINE_MS).unref();
    const clean = await drain.run(
      {
        stopAccepting() {
          server.close();
          rounds.stopTimers();
        },
        commitPending: () => rooms.flushAll(),
        async closeConnections() {
          rooms.closeAll(CloseCode.goingAway, "server shutting down");
          await closeEvery(collab.connections, CloseCode.goingAway, "server shutting down");
          collab.close();
          // Updates adopted from other processes as their rooms unloaded.
          await rooms.pipeline.whenIdle();
        },
        async closeStores() {
          await pdf.close();
          await fanout?.close();
          await appender?.close();
          await db.close();
          await limitStore.close();
        },
      },
      log,
    );
    log.info({ clean }, clean ? "stopped cleanly" : "stopped after a failed step");
    process.exit(clean ? 0 : 1);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err) => {
  console.error(`Chainboard could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
