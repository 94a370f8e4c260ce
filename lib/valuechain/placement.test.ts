import { describe, expect, it } from "vitest";
import { besideOffset, freeSpot, type Box } from "./placement";

const card = { width: 192, height: 110 };
const at = (x: number, y: number): Box => ({ x, y, ...card });
const overlapping = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("where new cards go", () => {
  it("puts a card exactly where it was asked for when that spot is free", () => {
    expect(freeSpot([at(1000, 1000)], { x: 0, y: 0 }, card)).toEqual({ x: 0, y: 0 });
  });

  it("never puts ten cards added at the same spot on top of each other or of what is there", () => {
    const boxes: Box[] = [at(0, 0), at(300, 0)];
    for (let i = 0; i < 10; i++) {
      const spot = freeSpot(boxes, { x: 0, y: 0 }, card);
      const placed = at(spot.x, spot.y);
      for (const b of boxes) expect(overlapping(placed, b)).toBe(false);
      boxes.push(placed);
    }
    // And they stay near: within a few card sizes of the wanted spot.
    for (const b of boxes) expect(Math.hypot(b.x, b.y)).toBeLessThan(1200);
  });

  it("prefers free space inside the visible area", () => {
    const area = { x: -100, y: -100, width: 600, height: 400 };
    const spot = freeSpot([at(0, 0)], { x: 0, y: 0 }, card, { area });
    expect(spot.x).toBeGreaterThanOrEqual(area.x);
    expect(spot.y).toBeGreaterThanOrEqual(area.y);
    expect(spot.x + card.width).toBeLessThanOrEqual(area.x + area.width);
    expect(spot.y + card.height).toBeLessThanOrEqual(area.y + area.height);
    expect(overlapping(at(spot.x, spot.y), at(0, 0))).toBe(false);
  });

  it("puts copies beside their originals, keeping the group's shape, in free space", () => {
    const originals = [at(0, 0), at(0, 200)];
    const others = [...originals, at(500, 0)];
    const offset = besideOffset(others, originals);
    const copies = originals.map((b) => ({ ...b, x: b.x + offset.x, y: b.y + offset.y }));
    for (const c of copies) for (const o of others) expect(overlapping(c, o)).toBe(false);
    // Beside, not far away: the nearest free side.
    expect(Math.abs(offset.x) + Math.abs(offset.y)).toBeLessThan(700);
  });
});
