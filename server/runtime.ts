/**
 * The running server's services, shared with Next.js route handlers.
 *
 * Next bundles route handlers separately from the custom server, so a module-level singleton
 * would exist twice; the services are therefore published once on globalThis by
 * server/index.ts, and route handlers read them here (type-only imports keep Prisma and the
 * native SQLite driver out of Next's bundles).
 */
import type { Logger } from "pino";
import type { Config } from "./config";
import type { Db } from "./db/database";
import type { BoardService } from "./boards/boardService";
import type { RoomManager } from "./collab/rooms";
import type { LiveBoards } from "./boards/liveBoards";
import type { Collab } from "./collab/upgrade";
import type { VersionService } from "./versions/versionService";
import type { RoundService } from "./workshop/roundService";
import type { RateLimits } from "./limits/rateLimits";
import type { PdfRenderer } from "./report/pdfRenderer";

export interface Runtime {
  config: Config;
  db: Db;
  boards: BoardService;
  rooms: RoomManager;
  /** The one door to live boards, for services and routes alike; routes get plain data only, never Yjs (liveBoards.ts). */
  live: LiveBoards;
  versions: VersionService;
  rounds: RoundService;
  log: Logger;
  startedAt: number;
  rateLimits: RateLimits;
  /** Board reports as PDF (one lazily launched Chromium, closed on shutdown). */
  pdf: PdfRenderer;
  /** Set once the websocket endpoint is up. */
  collab: Collab | null;
}

const KEY = Symbol.for("chainboard.runtime");
type WithRuntime = typeof globalThis & { [KEY]?: Runtime };

export function publishRuntime(runtime: Runtime): void {
  (globalThis as WithRuntime)[KEY] = runtime;
}

export function getRuntime(): Runtime {
  const runtime = (globalThis as WithRuntime)[KEY];
  if (!runtime) throw new Error("Chainboard runtime is not started: run the server with `npm start`.");
  return runtime;
}
