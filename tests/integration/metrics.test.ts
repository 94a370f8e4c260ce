/**
 * GET /metrics (server/metrics): the Prometheus text of one process, what collaboration
 * traffic does to it, and who may read it (METRICS_TOKEN, else loopback and private networks).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPlayer } from "../../lib/collab/boardDoc";
import { makePlayer } from "../../lib/valuechain/model";
import { CloseCode } from "../../lib/collab/protocol";
import { startServer, type RunningServer } from "../helpers/server";
import { createBoard } from "../helpers/clients";
import { TrackedClient, waitUntil } from "../helpers/chaos";
import { RawSocket } from "../helpers/rawSocket";

const INSTRUMENTS = [
  "chainboard_commit_duration_seconds",
  "chainboard_commit_batch_updates",
  "chainboard_commit_batch_boards",
  "chainboard_relay_lag_seconds",
  "chainboard_redis_round_trip_seconds",
  "chainboard_messages_received_total",
  "chainboard_messages_sent_total",
  "chainboard_bytes_received_total",
  "chainboard_bytes_sent_total",
  "chainboard_connection_closes_total",
  "chainboard_redis_errors_total",
  "chainboard_boards_loaded",
  "chainboard_connections",
  // collectDefaultMetrics, under our prefix
  "chainboard_process_cpu_seconds_total",
  "chainboard_nodejs_heap_size_used_bytes",
];

async function scrape(url: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; contentType: string | null }> {
  const res = await fetch(`${url}/metrics`, { headers });
  return { status: res.status, text: await res.text(), contentType: res.headers.get("content-type") };
}

/** The value of one sample line, e.g. sample(text, 'chainboard_messages_received_total{type="sync"}'); NaN when absent. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : NaN;
}

describe("metrics on a process without METRICS_TOKEN, behind a trusted proxy", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { TRUST_PROXY: "1" } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("serves every instrument in the Prometheus text format to a client on the same machine", async () => {
    const { status, text, contentType } = await scrape(server.url);
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const name of INSTRUMENTS) expect(text, name).toContain(`# TYPE ${name} `);
    expect(sample(text, "chainboard_connections")).toBe(0);
    expect(sample(text, "chainboard_boards_loaded")).toBe(0);
    // Labelled series exist before their first event, at 0.
    expect(sample(text, 'chainboard_messages_received_total{type="save_request"}')).toBe(0);
    expect(sample(text, 'chainboard_relay_lag_seconds_count{path="redis"}')).toBe(0);
  });

  it("counts a client's frames and bytes, its board and its connection, and the close codes the server sends", async () => {
    const before = (await scrape(server.url)).text;
    const board = await createBoard(server.url);
    const client = new TrackedClient(server.wsUrl, board.id, board.editToken);
    try {
      await waitUntil(() => client.provider.synced, 15_000, "client synced");
      for (let i = 0; i < 20; i++) addPlayer(client.doc, makePlayer({ id: `m${i}`, name: `M${i}`, kind: "other" }));
      await client.saveAll();
      const during = (await scrape(server.url)).text;
      expect(sample(during, "chainboard_connections")).toBe(1);
      expect(sample(during, "chainboard_boards_loaded")).toBe(1);
      const grew = (series: string) => sample(during, series) - sample(before, series);
      expect(grew('chainboard_messages_received_total{type="sync"}')).toBeGreaterThanOrEqual(20);
      expect(grew('chainboard_messages_received_total{type="save_request"}')).toBeGreaterThanOrEqual(1);
      expect(grew('chainboard_messages_sent_total{type="sync"}')).toBeGreaterThanOrEqual(1);
      expect(grew('chainboard_messages_sent_total{type="saved"}')).toBeGreaterThanOrEqual(1);
      expect(grew("chainboard_bytes_received_total")).toBeGreaterThan(20 * 50);
      expect(grew("chainboard_bytes_sent_total")).toBeGreaterThan(0);
    } finally {
      client.destroy();
    }

    // A text frame is not part of the protocol: the server closes with 4400, and counts it.
    const raw = await RawSocket.open(`${server.wsUrl}/${board.id}?t=${board.editToken}`);
    raw.ws.send("hello");
    expect((await raw.waitClosed(5000))?.code).toBe(CloseCode.badMessage);
    const after = (await scrape(server.url)).text;
    expect(sample(after, `chainboard_connection_closes_total{code="${CloseCode.badMessage}"}`)).toBe(1);
    expect(sample(after, 'chainboard_messages_received_total{type="other"}')).toBeGreaterThanOrEqual(1);
    // Series carry no board id: the label sets stay bounded whatever the traffic.
    expect(after).not.toContain(board.id);
  });

  it("refuses (403) a scraper whose forwarded address is public, and answers one on a private network", async () => {
    const publicScrape = await scrape(server.url, { "x-forwarded-for": "203.0.113.7" });
    expect(publicScrape.status).toBe(403);
    expect(publicScrape.text).not.toContain("chainboard_");
    // The last hop counts (the one the trusted proxy appended), not what the client claimed before it.
    expect((await scrape(server.url, { "x-forwarded-for": "10.0.0.9, 198.51.100.4" })).status).toBe(403);
    expect((await scrape(server.url, { "x-forwarded-for": "198.51.100.4, 10.1.2.3" })).status).toBe(200);
    expect((await scrape(server.url, { "x-forwarded-for": "fd00::17" })).status).toBe(200);
    expect((await scrape(server.url, { "x-forwarded-for": "2001:db8::17" })).status).toBe(403);
  });
});

describe("metrics on a process with METRICS_TOKEN", () => {
  const token = "metrics-token-for-the-test-0123456789";
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { METRICS_TOKEN: token } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("answers 401 without the token or with a wrong one, even from the same machine, and 200 with it", async () => {
    const none = await scrape(server.url);
    expect(none.status).toBe(401);
    expect(none.text).not.toContain("chainboard_");
    expect((await scrape(server.url, { authorization: "Bearer wrong-token-of-some-length" })).status).toBe(401);
    expect((await scrape(server.url, { authorization: `Bearer ${token}x` })).status).toBe(401);
    expect((await scrape(server.url, { authorization: token })).status).toBe(401);
    const right = await scrape(server.url, { authorization: `Bearer ${token}` });
    expect(right.status).toBe(200);
    expect(right.text).toContain("# TYPE chainboard_connections gauge");
  });
});
