import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiRequestError, apiRequest, boardApi } from "./client";

const answer = (status: number, body?: unknown, type = "application/json") =>
  new Response(body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body), { status, headers: body === undefined ? {} : { "content-type": type } });

function serve(...responses: (Response | Error)[]) {
  const fetch = vi.fn(async () => {
    const next = responses.shift()!;
    if (next instanceof Error) throw next;
    return next;
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe("the browser's API client", () => {
  it("sends the board's token as a bearer token and the body as JSON, never from a cache", async () => {
    const fetch = serve(answer(201, { id: "r1" }));
    expect(await boardApi("b/1", "tok")("/rounds", { method: "POST", body: { questions: ["us"] } })).toEqual({ id: "r1" });
    expect(fetch).toHaveBeenCalledWith("/api/boards/b%2F1/rounds", {
      method: "POST",
      headers: { authorization: "Bearer tok", "content-type": "application/json" },
      body: '{"questions":["us"]}',
      cache: "no-store",
    });
  });

  it("reads JSON, text (a Markdown summary) and nothing (204) as they come", async () => {
    serve(answer(200, { ok: true }), answer(200, "### Round", "text/markdown; charset=utf-8"), answer(204));
    expect(await apiRequest("/a")).toEqual({ ok: true });
    expect(await apiRequest("/b")).toBe("### Round");
    expect(await apiRequest("/c")).toBeUndefined();
  });

  it("turns the API's error body into one error type with its status, code, message and path", async () => {
    serve(answer(400, { error: { code: "invalid_answers", message: "answers.us: not a player", path: "answers.us" } }));
    const err = await apiRequest("/x").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiRequestError);
    expect(err).toMatchObject({ status: 400, code: "invalid_answers", message: "answers.us: not a player", path: "answers.us" });
  });

  it("still says what happened when the answer is not the API's (a proxy's page) or the server is unreachable", async () => {
    serve(answer(502, "<html>Bad gateway</html>", "text/html"), new TypeError("Failed to fetch"));
    await expect(apiRequest("/x")).rejects.toMatchObject({ status: 502, code: "error", message: "The server answered 502." });
    await expect(apiRequest("/x")).rejects.toMatchObject({ status: 0, code: "unreachable", message: expect.stringContaining("cannot be reached") });
  });
});
