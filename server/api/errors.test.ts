import { describe, expect, it } from "vitest";
import { ApiError, apiErrorOf } from "./errors";

/** A service's failure as the route sees it: a class of another bundle, known only by its fields. */
const failure = (reason: string, message: string, path?: string) => Object.assign(new Error(message), { reason, ...(path ? { path } : {}) });

describe("domain errors as API answers", () => {
  it("answers a service's failure by its reason, with the reason as code and its message and path", () => {
    expect(apiErrorOf(failure("invalid_answers", "answers.us: not a player", "answers.us"))).toMatchObject({ status: 400, code: "invalid_answers", message: "answers.us: not a player", path: "answers.us" });
    expect(apiErrorOf(failure("round_closed", "Time is up"))).toMatchObject({ status: 409, code: "round_closed", path: undefined });
    expect(apiErrorOf(failure("round_not_found", "No such round"))?.status).toBe(404);
    expect(apiErrorOf(failure("version_quota", "already keeps 2"))).toMatchObject({ status: 409, message: "already keeps 2" });
    expect(apiErrorOf(failure("unknown_template", "Unknown template", "template"))).toMatchObject({ status: 400, path: "template" });
  });

  it("does not repeat the version id it was asked for", () => {
    expect(apiErrorOf(failure("version_not_found", "No version abc on this board"))).toMatchObject({ status: 404, message: "No such version on this board." });
  });

  it("answers a full process with 503 overloaded and Retry-After, whatever its internal message", () => {
    for (const reason of ["too_many_rooms", "overloaded"]) {
      const answer = apiErrorOf(failure(reason, "this process already holds 500 boards in use"));
      expect(answer).toMatchObject({ status: 503, code: "overloaded", retryAfter: 5 });
      expect(answer?.message).not.toContain("500");
    }
  });

  it("passes an ApiError through and leaves anything unnamed to the 500 answer", () => {
    const own = new ApiError(401, "unauthorized", "A valid token is required.");
    expect(apiErrorOf(own)).toBe(own);
    for (const err of [new Error("boom"), failure("toString", "x"), failure("board_not_found", "x"), null, "text"]) expect(apiErrorOf(err)).toBeNull();
  });
});
