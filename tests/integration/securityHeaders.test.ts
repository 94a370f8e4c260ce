/**
 * The headers that depend on how Chainboard is deployed: embedding by listed origins
 * (ALLOWED_FRAME_ANCESTORS) and Strict-Transport-Security over TLS (HSTS_MAX_AGE, TLS seen
 * through a trusted proxy's X-Forwarded-Proto). The real server process, plain HTTP requests.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server";

const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});
async function serverWith(env: Record<string, string>): Promise<RunningServer> {
  const server = await startServer({ env });
  servers.push(server);
  return server;
}

describe("deployment-dependent headers", () => {
  let embedded: RunningServer;
  let plain: RunningServer;
  beforeAll(async () => {
    [embedded, plain] = await Promise.all([
      serverWith({ ALLOWED_FRAME_ANCESTORS: "https://intranet.example.com, https://wiki.example.com", TRUST_PROXY: "1", HSTS_MAX_AGE: "31536000" }),
      serverWith({ HSTS_MAX_AGE: "0", TRUST_PROXY: "1" }),
    ]);
  });

  it("lets only the listed origins frame the pages, and then sends no X-Frame-Options DENY", async () => {
    const res = await fetch(`${embedded.url}/`);
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors https://intranet.example.com https://wiki.example.com");
    expect(res.headers.get("x-frame-options")).toBeNull();
    const closed = await fetch(`${plain.url}/`);
    expect(closed.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(closed.headers.get("x-frame-options")).toBe("DENY");
  });

  it("sends HSTS when a trusted proxy says the browser came over TLS, never over plain HTTP, and not when HSTS_MAX_AGE is 0", async () => {
    const overTls = await fetch(`${embedded.url}/`, { headers: { "x-forwarded-proto": "https" } });
    expect(overTls.headers.get("strict-transport-security")).toBe("max-age=31536000");
    // Behind TLS the page's websocket is wss: on the same host.
    expect(overTls.headers.get("content-security-policy")).toContain(`connect-src 'self' wss://${new URL(embedded.url).host}`);
    // The proxy appends what it saw; an "https" the client sent before it does not count.
    const spoofed = await fetch(`${embedded.url}/`, { headers: { "x-forwarded-proto": "https, http" } });
    expect(spoofed.headers.get("strict-transport-security")).toBeNull();
    const overHttp = await fetch(`${embedded.url}/`);
    expect(overHttp.headers.get("strict-transport-security")).toBeNull();
    const disabled = await fetch(`${plain.url}/`, { headers: { "x-forwarded-proto": "https" } });
    expect(disabled.headers.get("strict-transport-security")).toBeNull();
  });

  it("does not believe X-Forwarded-Proto from a client when no proxy is trusted", async () => {
    const direct = await serverWith({});
    const res = await fetch(`${direct.url}/api/boards/nope/export`, { headers: { "x-forwarded-proto": "https" } });
    expect(res.headers.get("strict-transport-security")).toBeNull();
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("refuses to start with an ALLOWED_FRAME_ANCESTORS entry that is not an origin, or a wildcard for every site", async () => {
    await expect(startServer({ env: { ALLOWED_FRAME_ANCESTORS: "https://ok.example.com *; script-src" } })).rejects.toThrow(/ALLOWED_FRAME_ANCESTORS/);
    await expect(startServer({ env: { ALLOWED_FRAME_ANCESTORS: "https://*" } })).rejects.toThrow(/ALLOWED_FRAME_ANCESTORS/);
  });
});
