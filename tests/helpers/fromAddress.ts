/**
 * Requests from a chosen local address: 127.0.0.x stands for another machine, so tests of
 * per-address limits do not share counts. `upgradeFrom` attempts a websocket upgrade and
 * reports the HTTP answer (status, headers, body) when it is refused.
 */
import http from "node:http";
import { randomBytes } from "node:crypto";

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: () => unknown;
}

export function requestFrom(
  baseUrl: string,
  method: string,
  path: string,
  opts: { from?: string; body?: unknown; token?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = http.request(
      `${baseUrl}${path}`,
      {
        method,
        localAddress: opts.from ?? "127.0.0.1",
        headers: { ...(body ? { "content-type": "application/json" } : {}), ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A websocket upgrade on /collab/{boardId}: 101 (the socket is closed at once) or the refusal. */
export function upgradeFrom(wsUrl: string, boardId: string, token: string, from = "127.0.0.1"): Promise<Answer> {
  const url = new URL(`${wsUrl}/${boardId}?t=${encodeURIComponent(token)}`.replace(/^ws/, "http"));
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      localAddress: from,
      headers: { connection: "Upgrade", upgrade: "websocket", "sec-websocket-version": "13", "sec-websocket-key": randomBytes(16).toString("base64") },
    });
    req.on("upgrade", (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 101, headers: res.headers, text: "", json: () => null });
    });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Retry-After as a number of seconds (NaN when missing). */
export const retryAfter = (answer: Answer): number => Number(answer.headers["retry-after"]);
