/**
 * The process's Prometheus instruments, on a registry of our own: prom-client's global default
 * registry is shared with every library that happens to load prom-client, and what /metrics
 * serves must be exactly what is declared here.
 *
 * Label values come from small fixed sets (message types, close codes, relay paths), never
 * from board ids, tokens or addresses: every label value is a time series kept forever.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: "chainboard_" });

/** Half a millisecond (a commit on a warm SQLite page cache) to 2 s (a stalled database). */
const DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2];
const COUNT_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

export const commitDuration = new Histogram({
  name: "chainboard_commit_duration_seconds",
  help: "Time one grouped database transaction of board updates took to commit.",
  buckets: DURATION_BUCKETS,
  registers: [registry],
});

export const commitBatchUpdates = new Histogram({
  name: "chainboard_commit_batch_updates",
  help: "Client updates committed in one transaction.",
  buckets: COUNT_BUCKETS,
  registers: [registry],
});

export const commitBatchBoards = new Histogram({
  name: "chainboard_commit_batch_boards",
  help: "Distinct boards written in one transaction.",
  buckets: COUNT_BUCKETS,
  registers: [registry],
});

export type RelayPath = "local" | "redis";
export const RELAY_PATHS: readonly RelayPath[] = ["local", "redis"];

export const relayLag = new Histogram<"path">({
  name: "chainboard_relay_lag_seconds",
  help: "Time from an update's arrival at a process to its relay to other connections (path: local clients, or clients of another process through Redis).",
  labelNames: ["path"],
  buckets: DURATION_BUCKETS,
  registers: [registry],
});

export const redisRoundTrip = new Histogram({
  name: "chainboard_redis_round_trip_seconds",
  help: "Time from publishing to Redis to the message coming back on this process's own subscription.",
  buckets: [0.0002, ...DURATION_BUCKETS],
  registers: [registry],
});

export type MessageTypeLabel = "sync" | "awareness" | "query_awareness" | "save_request" | "saved" | "other";
export const MESSAGE_TYPE_LABELS: readonly MessageTypeLabel[] = ["sync", "awareness", "query_awareness", "save_request", "saved", "other"];

export const messagesIn = new Counter<"type">({
  name: "chainboard_messages_received_total",
  help: "Websocket frames received from clients, by y-websocket message type.",
  labelNames: ["type"],
  registers: [registry],
});

export const messagesOut = new Counter<"type">({
  name: "chainboard_messages_sent_total",
  help: "Websocket frames sent to clients, by y-websocket message type.",
  labelNames: ["type"],
  registers: [registry],
});

export const bytesIn = new Counter({
  name: "chainboard_bytes_received_total",
  help: "Bytes of websocket frames received from clients.",
  registers: [registry],
});

export const bytesOut = new Counter({
  name: "chainboard_bytes_sent_total",
  help: "Bytes of websocket frames sent to clients.",
  registers: [registry],
});

export const closesByCode = new Counter<"code">({
  name: "chainboard_connection_closes_total",
  help: "Websocket connections the server closed, by the close code it sent.",
  labelNames: ["code"],
  registers: [registry],
});

export const redisErrors = new Counter({
  name: "chainboard_redis_errors_total",
  help: "Redis commands or connections that failed.",
  registers: [registry],
});

// Every labelled series exists from the start, so a dashboard or alert sees 0 rather than
// nothing before the first event, and rate() has a starting point.
for (const path of RELAY_PATHS) relayLag.zero({ path });
for (const type of MESSAGE_TYPE_LABELS) {
  messagesIn.inc({ type }, 0);
  messagesOut.inc({ type }, 0);
}

export interface GaugeSources {
  boardsLoaded(): number;
  connections(): number;
}

/**
 * The gauges read the live counts when scraped, so nothing has to keep them up to date.
 * Called once the rooms and the websocket endpoint exist; calling it again replaces the sources.
 */
export function registerGauges(sources: GaugeSources): void {
  for (const name of ["chainboard_boards_loaded", "chainboard_connections"]) registry.removeSingleMetric(name);
  new Gauge({
    name: "chainboard_boards_loaded",
    help: "Boards held in memory by this process.",
    registers: [registry],
    collect() {
      this.set(sources.boardsLoaded());
    },
  });
  new Gauge({
    name: "chainboard_connections",
    help: "Open collaboration websockets on this process.",
    registers: [registry],
    collect() {
      this.set(sources.connections());
    },
  });
}

export const metricsContentType = registry.contentType;

/** Everything registered, in the Prometheus text exposition format. */
export function metricsText(): Promise<string> {
  return registry.metrics();
}
