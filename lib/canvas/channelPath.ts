/** Distance between the middles of two parallel channels, in flow units. */
const LANE_GAP = 40;

/**
 * A curve leaving the source to the right and entering the target from the left, bowed
 * sideways by its lane so parallel channels stay apart. Returns the SVG path and the point
 * halfway along it, where the label goes.
 */
export function channelPath(sx: number, sy: number, tx: number, ty: number, lane: number): [path: string, labelX: number, labelY: number] {
  const [c1x, c1y, c2x, c2y] = channelControls(sx, sy, tx, ty, lane);
  const labelX = (sx + 3 * c1x + 3 * c2x + tx) / 8;
  const labelY = (sy + 3 * c1y + 3 * c2y + ty) / 8;
  return [`M${sx},${sy} C${c1x},${c1y} ${c2x},${c2y} ${tx},${ty}`, labelX, labelY];
}

/** The curve's two control points (the route's shape; an exported picture needs them for its bounds and arrowheads). */
export function channelControls(sx: number, sy: number, tx: number, ty: number, lane: number): [c1x: number, c1y: number, c2x: number, c2y: number] {
  const reach = Math.max(Math.abs(tx - sx) / 2, 60);
  const length = Math.hypot(tx - sx, ty - sy) || 1;
  const offset = lane * LANE_GAP;
  const nx = (-(ty - sy) / length) * offset;
  const ny = ((tx - sx) / length) * offset;
  return [sx + reach + nx, sy + ny, tx - reach + nx, ty + ny];
}
