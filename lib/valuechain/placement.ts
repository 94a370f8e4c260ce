/**
 * Where new cards go: a new player in free space near where it was asked for (the middle of
 * the view), copies beside their originals in free space, never on top of another card.
 * Plain geometry on boxes in flow units; the page passes the cards' measured sizes.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Room kept between cards, enough to see and label a channel between them. */
export const CARD_GAP = 48;

const overlaps = (a: Box, b: Box, gap: number) =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

const inside = (a: Box, area: Box) => a.x >= area.x && a.y >= area.y && a.x + a.width <= area.x + area.width && a.y + a.height <= area.y + area.height;

/**
 * The top-left corner closest to `wanted` where a card of `size` overlaps no box (keeping
 * `gap` around it), preferring spots inside `area` (the visible part of the board) when one
 * is given. Candidates lie on a grid of half a card around `wanted`, nearest first, so cards
 * added one after another line up rather than scatter.
 */
export function freeSpot(boxes: readonly Box[], wanted: Point, size: { width: number; height: number }, opts: { gap?: number; area?: Box; rings?: number } = {}): Point {
  const gap = opts.gap ?? CARD_GAP;
  const stepX = Math.round((size.width + gap) / 2);
  const stepY = Math.round((size.height + gap) / 2);
  const rings = opts.rings ?? 24;
  const candidates: { x: number; y: number; d: number }[] = [];
  for (let dy = -rings; dy <= rings; dy++) {
    for (let dx = -rings; dx <= rings; dx++) {
      const x = Math.round(wanted.x + dx * stepX);
      const y = Math.round(wanted.y + dy * stepY);
      // Distance in card steps, ties broken rightwards then downwards: reading order.
      candidates.push({ x, y, d: Math.hypot(dx * stepX, dy * stepY) - dx * 0.001 - dy * 0.0005 });
    }
  }
  candidates.sort((a, b) => a.d - b.d);
  const near = boxes.filter((b) => Math.abs(b.x - wanted.x) < (rings + 2) * stepX + b.width && Math.abs(b.y - wanted.y) < (rings + 2) * stepY + b.height);
  const free = (c: Point) => !near.some((b) => overlaps({ ...c, ...size }, b, gap));
  if (opts.area) {
    const inView = candidates.find((c) => inside({ ...c, ...size }, opts.area!) && free(c));
    if (inView) return { x: inView.x, y: inView.y };
  }
  const anywhere = candidates.find(free);
  return anywhere ? { x: anywhere.x, y: anywhere.y } : { x: Math.round(wanted.x), y: Math.round(wanted.y) };
}

/** The smallest box holding all of `boxes`. */
export function boundsOf(boxes: readonly Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
}

/**
 * How far to move copies of `group` so that they sit beside the originals in free space: to
 * the right first, then below, then further out, keeping the group's own shape.
 */
export function besideOffset(others: readonly Box[], group: readonly Box[], gap = CARD_GAP): Point {
  if (!group.length) return { x: 0, y: 0 };
  const bounds = boundsOf(group);
  const right = bounds.width + gap;
  const down = bounds.height + gap;
  const fits = (dx: number, dy: number) => group.every((g) => others.every((o) => !overlaps({ ...g, x: g.x + dx, y: g.y + dy }, o, gap)));
  for (let ring = 1; ring <= 20; ring++) {
    for (const [dx, dy] of [
      [right * ring, 0],
      [0, down * ring],
      [right * ring, down * ring],
      [-right * ring, 0],
      [0, -down * ring],
    ]) {
      if (fits(dx, dy)) return { x: dx, y: dy };
    }
  }
  return { x: right, y: 0 };
}
