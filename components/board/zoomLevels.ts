import { CARD_HEIGHT, CARD_WIDTH } from "./boardCommands";

/**
 * Below this zoom a card of a big board is a few pixels tall: it is drawn as a plain coloured
 * block, and channels lose labels and arrowheads. Keeps a board of a thousand players fluid
 * when it all fits on one screen, where the detail could not be read anyway. A small board
 * keeps its full cards at any zoom: they cost little, and look the same everywhere.
 */
export const FAR_ZOOM = 0.3;
export const FAR_MIN_PLAYERS = 120;

export const isFarZoom = (zoom: number, players: number) => zoom < FAR_ZOOM && players >= FAR_MIN_PLAYERS;

/** The least zoom-out allowed, on any board; a bigger board may go further (see minZoomFor). */
export const MIN_ZOOM = 0.1;

/**
 * How far out the view may go: at least far enough for Fit View to show the whole board with
 * room to spare, however many players it holds.
 */
export function minZoomFor(players: readonly { x: number; y: number }[], pane: { width: number; height: number }): number {
  if (!players.length || !pane.width || !pane.height) return MIN_ZOOM;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of players) {
    if (p.x < minX) minX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.x > maxX) maxX = p.x;
    if (p.y > maxY) maxY = p.y;
  }
  const fit = Math.min(pane.width / (maxX - minX + CARD_WIDTH * 2), pane.height / (maxY - minY + CARD_HEIGHT * 2));
  // Rounded down to two significant digits: a card dragged a little further out does not
  // change React Flow's zoom range on every frame.
  const wanted = Math.min(MIN_ZOOM, fit / 2);
  const unit = 10 ** (Math.floor(Math.log10(wanted)) - 1);
  return Math.floor(wanted / unit) * unit;
}
