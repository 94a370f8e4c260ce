/**
 * HTTP request bodies are limited while they stream (MAX_BODY_BYTES), and a full server answers
 * 503 instead of 500. The issue this guards against: a 600 MB anonymous import was read whole
 * before its size was checked, took the server from 0.44 to 1.55 GB and answered 500.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server";
import { connectClient, createBoard, waitFor, whenSynced } from "../helpers/clients";
import { addPlayer, readBoard } from "../../lib/collab/boardDoc";
import { makePlayer } from "../../lib/valuechain/model";
import { TEMPLATES } from "../../lib/valuechain/templates";
import { toBoardFile } from "../../lib/valuechain/schema";

const MB = 1_000_000;
const CHUNK = Buffer.alloc(64 * 1024, " ");

interface Sent {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  /** Body bytes the client had handed to its socket when the response arrived. */
  sentAtResponse: number;
  /** The server answered `Expect: 100-continue` with 100 Continue. */
  continued: boolean;
}

/**
 * POSTs a body of `total` bytes (`prefix`, then spaces) as it is produced, chunked (no
 * Content-Length) unless `contentLength` is given, and stops writing as soon as the response
 * arrives. With `total` 0 the headers are sent alone, as a client waiting on a declared size would.
 */
function streamPost(
  url: string,
  path: string,
  total: number,
  opts: { contentLength?: number; prefix?: string; headers?: Record<string, string> } = {},
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": "application/json", ...opts.headers };
    if (opts.contentLength !== undefined) headers["content-length"] = String(opts.contentLength);
    const req = http.request(`${url}${path}`, { method: "POST", headers });
    let sent = 0;
    let answered = false;
    let continued = false;
    req.on("continue", () => (continued = true));
    req.on("response", (res) => {
      answered = true;
      const sentAtResponse = sent;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, headers: res.headers, sentAtResponse, continued });
      });
    });
    // The server closes the connection after a 413, so writes past it fail; only an error
    // before any response is one.
    req.on("error", (err) => {
      if (!answered) reject(err);
    });
    if (opts.prefix) {
      req.write(opts.prefix);
      sent += Buffer.byteLength(opts.prefix);
    }
    const write = () => {
      while (!answered && !req.destroyed && sent < total) {
        const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, total - sent));
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      if (!answered && !req.destroyed && opts.contentLength === undefined) req.end();
    };
    if (total > 0 || opts.contentLength === undefined) write();
    else req.flushHeaders();
  });
}

async function health(url: string): Promise<{ rss: number; heapUsed: number }> {
  return (await fetch(`${url}/healthz`)).json();
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const importFile = () => JSON.stringify(toBoardFile(TEMPLATES["building-products"].board));

describe("with the default limit (8 MiB)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  const postImport = (body: string) =>
    fetch(`${server.url}/api/boards/import`, { method: "POST", headers: { "content-type": "application/json" }, body });

  it("refuses a 600 MB chunked import with 413 early, keeps its memory, and keeps serving boards meanwhile", async () => {
    // Warm the import route and its modules first, so the memory figures measure the attack only.
    expect((await postImport(importFile())).status).toBe(201);
    const board = await createBoard(server.url, { template: "building-products" });
    const a = connectClient(server.wsUrl, board.id, board.editToken);
    const b = connectClient(server.wsUrl, board.id, board.viewToken);
    await Promise.all([whenSynced(a), whenSynced(b)]);

    const before = (await health(server.url)).rss;
    let peak = before;
    let attacking = true;
    const sampler = (async () => {
      while (attacking) {
        peak = Math.max(peak, (await health(server.url)).rss);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const attack = streamPost(server.url, "/api/boards/import", 600 * MB);
    // The board stays live during the attack: an edit reaches the other client, and the API reads it.
    addPlayer(a.doc, makePlayer({ id: "during", name: "During the attack", kind: "other" }));
    await waitFor(() => readBoard(b.doc).players.some((p) => p.id === "during"), 10_000, "an edit made during the attack");
    const read = await fetch(`${server.url}/api/boards/${board.id}/export`, { headers: { authorization: `Bearer ${board.viewToken}` } });
    expect(read.status).toBe(200);
    const res = await attack;
    attacking = false;
    await sampler;
    const after = (await health(server.url)).rss;
    console.log(
      `600 MB chunked import: 413 after ${mb(res.sentAtResponse)} sent; server rss before ${mb(before)}, peak during ${mb(peak)}, after ${mb(after)}`,
    );

    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error).toMatchObject({ code: "too_large", message: expect.stringContaining("8 MiB") });
    expect(res.sentAtResponse).toBeLessThan(64 * MB);
    expect(peak - before).toBeLessThan(150 * MB);
    expect(after - before).toBeLessThan(150 * MB);

    // Still serving: a normal import, and the board keeps syncing.
    expect((await postImport(importFile())).status).toBe(201);
    addPlayer(a.doc, makePlayer({ id: "after", name: "After the attack", kind: "other" }));
    await waitFor(() => readBoard(b.doc).players.some((p) => p.id === "after"), 10_000, "an edit made after the attack");
    a.destroy();
    b.destroy();
  });

  it("refuses a declared Content-Length over the limit at once, without reading the body, on any route", async () => {
    for (const path of ["/api/boards/import", "/api/boards", "/"]) {
      const res = await streamPost(server.url, path, 0, { contentLength: 600 * MB });
      expect(res.status, path).toBe(413);
      expect(res.sentAtResponse).toBe(0);
      expect(res.headers.connection).toBe("close");
      expect(JSON.parse(res.body).error.code).toBe("too_large");
    }
    // curl sends `Expect: 100-continue` for large uploads: it is told 413 instead of "go on".
    const res = await streamPost(server.url, "/api/boards/import", 0, { contentLength: 600 * MB, headers: { expect: "100-continue" } });
    expect(res.status).toBe(413);
    expect(res.continued).toBe(false);
    expect((await postImport(importFile())).status).toBe(201);
  });
});

describe("with small limits (MAX_BODY_BYTES=64 KiB, MAX_LOADED_BOARDS=1)", () => {
  const LIMIT = 64 * 1024;
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { MAX_BODY_BYTES: String(LIMIT), MAX_LOADED_BOARDS: "1", ROOM_IDLE_UNLOAD_MS: "600000" } });
  });
  afterAll(() => server?.stop());

  /** A valid board file padded with trailing whitespace (valid JSON) to exactly `bytes`. */
  const fileOf = (bytes: number) => {
    const file = importFile();
    return file + " ".repeat(bytes - Buffer.byteLength(file));
  };

  it("accepts a body of exactly the limit, with or without Content-Length", async () => {
    const body = fileOf(LIMIT);
    const declared = await fetch(`${server.url}/api/boards/import`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(declared.status).toBe(201);
    // The same bytes chunked: the file first, then its padding streamed.
    const chunked = await streamPost(server.url, "/api/boards/import", LIMIT, { prefix: importFile() });
    expect(chunked.status).toBe(201);
  });

  it("refuses one byte over the limit, with or without Content-Length", async () => {
    const body = fileOf(LIMIT + 1);
    const declared = await fetch(`${server.url}/api/boards/import`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.message).toContain("64 KiB");
    const chunked = await streamPost(server.url, "/api/boards/import", LIMIT + 1, { prefix: importFile() });
    expect(chunked.status).toBe(413);
    expect(chunked.headers.connection).toBe("close");
    expect(JSON.parse(chunked.body).error.code).toBe("too_large");
  });

  it("limits every API route that reads a body, not only import", async () => {
    const board = await createBoard(server.url);
    const res = await streamPost(server.url, `/api/boards/${board.id}/versions?t=${board.editToken}`, 10 * LIMIT, { prefix: '{"name":"' });
    expect(res.status).toBe(413);
  });

  it("answers 503 overloaded with Retry-After, not 500, when the server holds too many boards", async () => {
    const first = await createBoard(server.url);
    const second = await createBoard(server.url);
    const answers = (b: { id: string; viewToken: string }) => fetch(`${server.url}/api/boards/${b.id}/answers?t=${b.viewToken}`);
    // Someone is using the first board, so it cannot be evicted to make room (R-ROOMS).
    const user = connectClient(server.wsUrl, first.id, first.editToken);
    try {
      await whenSynced(user);
      expect((await answers(first)).status).toBe(200);
      const res = await answers(second);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect((await res.json()).error.code).toBe("overloaded");
    } finally {
      user.destroy();
    }
  });
});
