import { describe, expect, it } from "vitest";
import { autoVersionsToDelete } from "./thinning";

const at = (iso: string, id = iso) => ({ id, createdAt: new Date(iso) });

describe("thinning automatic versions", () => {
  it("keeps everything while there are at most 20", () => {
    const autos = Array.from({ length: 20 }, (_, i) => at(`2026-11-27T10:${String(i).padStart(2, "0")}:00Z`));
    expect(autoVersionsToDelete(autos)).toEqual([]);
  });

  it("keeps the last 20 plus the newest of each earlier day", () => {
    const today = Array.from({ length: 25 }, (_, i) => at(`2026-11-27T10:${String(i).padStart(2, "0")}:00Z`));
    const yesterday = [at("2026-11-26T08:00:00Z"), at("2026-11-26T17:00:00Z")];
    const lastWeek = [at("2026-11-20T09:00:00Z"), at("2026-11-20T09:30:00Z"), at("2026-11-20T23:59:00Z")];
    const gone = autoVersionsToDelete([...lastWeek, ...today, ...yesterday]);
    // The 5 oldest of today go (today's newest is among the last 20 anyway), plus the older
    // ones of yesterday and of last week.
    expect(gone.sort()).toEqual(
      [...today.slice(0, 5), yesterday[0], lastWeek[0], lastWeek[1]].map((v) => v.id).sort(),
    );
  });

  it("keeps the promised set whatever the order it is given in", () => {
    const autos = Array.from({ length: 60 }, (_, i) => at(new Date(Date.UTC(2026, 10, 1) + i * 6 * 3600_000).toISOString()));
    const shuffled = [...autos].reverse();
    expect(autoVersionsToDelete(shuffled).sort()).toEqual(autoVersionsToDelete(autos).sort());
    const kept = autos.filter((v) => !autoVersionsToDelete(autos).includes(v.id));
    const days = new Set(autos.map((v) => v.createdAt.toISOString().slice(0, 10)));
    expect(new Set(kept.map((v) => v.createdAt.toISOString().slice(0, 10)))).toEqual(days);
    expect(kept.length).toBe(20 + [...days].filter((d) => !autos.slice(-20).some((v) => v.createdAt.toISOString().startsWith(d))).length);
  });
});
