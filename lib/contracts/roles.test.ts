import { describe, expect, it } from "vitest";
import { isRole, roleAtLeast } from "./roles";

describe("roles", () => {
  it("rank roles owner > editor > viewer", () => {
    expect(roleAtLeast("owner", "editor")).toBe(true);
    expect(roleAtLeast("editor", "editor")).toBe(true);
    expect(roleAtLeast("viewer", "editor")).toBe(false);
    expect(roleAtLeast("editor", "owner")).toBe(false);
  });

  it("recognise only the three role names, whatever else a stored value holds", () => {
    expect(["owner", "editor", "viewer"].every(isRole)).toBe(true);
    expect([undefined, null, "admin", "Owner", 2, {}].some(isRole)).toBe(false);
  });
});
