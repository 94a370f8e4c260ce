/**
 * A board as a standalone SVG picture that looks like the canvas: the cards with their kind's
 * colour and icon, badges and aliases, the channels in their flow's line style with labels and
 * shares, and the legend of the view. Pure (no DOM, no React), so the browser exports it (as
 * SVG, or drawn onto a canvas as PNG) and the server puts the same picture in a report.
 *
 * The picture's structure is part of what it promises to people who process it: one
 * `<g class="player">` per player (data-id = its id) and one `<path class="channel-path">`
 * per channel (data-id = its id); arrowheads are polygons and icons are images, so a path is
 * always a channel. Frames (`<g class="frame">`, behind) and sticky notes (`<g class="note">`,
 * in front) are drawn as on the canvas. Flow coordinates map to picture units as `(x - origin.x, y - origin.y)`.
 */
import { channelControls, channelPath } from "../canvas/channelPath";
import { FLOW_STYLE } from "../canvas/flowStyle";
import { toFlowEdges } from "../canvas/flow";
import { KIND_COLORS, QUIET_KIND_COLOR, STRATEGY_COLORS } from "../canvas/palette";
import { KIND_LABELS } from "../valuechain/labels";
import type { Board, Channel, Player } from "../valuechain/model";
import { mix, TW } from "./colors";
import { BAND_HEIGHT, BADGE_HEIGHT, BADGE_SIZE, CARD_WIDTH, cardLayout, NAME_LINE, NAME_SIZE, ALIAS_SIZE, type CardLayout } from "./cardLayout";
import { kindIconUrl } from "./kindIcons";
import { noteLayout, renderFrame, renderNote } from "./discussionSvg";
import { NOTE_SIZE } from "../valuechain/model";
import { legendHeight, legendWidth, renderLegend } from "./legend";
import { escapeXml as esc, FONT_FAMILY, textWidth } from "./svgText";

export interface PictureOptions {
  /** The strategy view's look: cards tinted by strategy and outlined by transaction. */
  strategyView?: boolean;
  background?: "white" | "transparent";
  /** The legend of the view under the diagram (default true). */
  legend?: boolean;
  /** Only these players (with the channels among them), notes and frames: a selection; all when absent. */
  only?: Iterable<string>;
  /** Space around the diagram, in picture units (default 32). */
  padding?: number;
}

export interface BoardPicture {
  svg: string;
  width: number;
  height: number;
  /** The flow coordinates of the picture's top-left corner. */
  origin: { x: number; y: number };
  players: number;
  channels: number;
}

/** React Flow puts a channel's ends at the outer edge of the cards' 12 px handles. */
const HANDLE_REACH = 6;
const ARROW = { scale: 14 / 12, points: [[-9, -5], [1, 0], [-9, 5]] as const };
const fmt = (n: number) => String(Math.round(n * 100) / 100);

interface Placed {
  player: Player;
  layout: CardLayout;
  x: number;
  y: number;
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function grow(box: Box, x: number, y: number): void {
  box.minX = Math.min(box.minX, x);
  box.minY = Math.min(box.minY, y);
  box.maxX = Math.max(box.maxX, x);
  box.maxY = Math.max(box.maxY, y);
}

function cardLook(player: Player, strategyView: boolean) {
  if (!strategyView) {
    const color = KIND_COLORS[player.kind];
    return {
      color,
      background: TW.white,
      band: mix(color, 0x14 / 255, TW.white),
      border: player.isUs ? { width: 3, color: TW.slate900, dash: "" } : { width: 1, color: TW.slate200, dash: "" },
    };
  }
  const tint = STRATEGY_COLORS[player.strategy];
  const border =
    player.transaction === "direct"
      ? { width: 3, color: TW.slate900, dash: "" }
      : player.transaction === "indirect"
        ? { width: 2, color: TW.slate600, dash: "6 4" }
        : null;
  return { color: QUIET_KIND_COLOR, background: mix(tint, 0.14, TW.white), band: mix(tint, 0.45, TW.white), border };
}

function renderCard({ player, layout, x, y }: Placed, strategyView: boolean): string {
  const look = cardLook(player, strategyView);
  const w = CARD_WIDTH;
  const h = layout.height;
  const out: string[] = [];
  out.push(
    `<g class="react-flow__node player" data-id="${esc(player.id)}" data-kind="${player.kind}"${player.isUs ? ' data-us="true"' : ""} transform="translate(${fmt(x)},${fmt(y)})">`,
  );
  out.push(`<title>${esc(`${player.name || "Unnamed"} (${KIND_LABELS[player.kind]})`)}</title>`);
  out.push(`<rect class="card" width="${w}" height="${h}" rx="12" fill="${look.background}"/>`);
  // The band: rounded at the top only, as two rects (no path: paths are channels).
  out.push(`<rect width="${w}" height="${BAND_HEIGHT}" rx="11" fill="${look.band}"/><rect y="${BAND_HEIGHT / 2}" width="${w}" height="${BAND_HEIGHT / 2}" fill="${look.band}"/>`);
  out.push(`<rect x="12" y="8" width="28" height="28" rx="8" fill="${look.color}"/>`);
  out.push(`<image x="18" y="14" width="16" height="16" href="${kindIconUrl(player.kind, "#ffffff")}"/>`);
  out.push(`<text x="48" y="26.5" font-size="12" font-weight="600" fill="${mix(look.color, 0.72, TW.black)}">${esc(KIND_LABELS[player.kind])}</text>`);
  if (player.isUs) {
    out.push(`<rect x="${w - 12 - 28}" y="13" width="28" height="18" rx="4" fill="${TW.slate900}"/>`);
    out.push(`<text x="${w - 12 - 14}" y="25.5" font-size="10" font-weight="700" letter-spacing="1" text-anchor="middle" fill="#ffffff">US</text>`);
  }
  layout.name.lines.forEach((line, i) => {
    const style = layout.name.unnamed ? ` font-style="italic" fill="${TW.slate400}"` : ` fill="${TW.slate900}"`;
    out.push(`<text x="12" y="${layout.name.top + i * NAME_LINE + 16}" font-size="${NAME_SIZE}" font-weight="600"${style}>${esc(line)}</text>`);
  });
  if (layout.aliases) out.push(`<text x="12" y="${layout.aliases.top + 12}" font-size="${ALIAS_SIZE}" fill="${TW.slate500}">${esc(layout.aliases.text)}</text>`);
  for (const b of layout.badges) {
    out.push(`<rect x="${b.x + 0.5}" y="${b.y + 0.5}" width="${b.width - 1}" height="${BADGE_HEIGHT - 1}" rx="${BADGE_HEIGHT / 2}" fill="${b.fill}" stroke="${b.ring}"/>`);
    out.push(`<text x="${b.x + b.width / 2}" y="${b.y + 14}" font-size="${BADGE_SIZE}" font-weight="500" text-anchor="middle" fill="${b.ink}">${esc(b.text)}</text>`);
  }
  if (look.border) {
    const inset = look.border.width / 2;
    const dash = look.border.dash ? ` stroke-dasharray="${look.border.dash}"` : "";
    out.push(`<rect class="outline" x="${inset}" y="${inset}" width="${w - 2 * inset}" height="${h - 2 * inset}" rx="${12 - inset}" fill="none" stroke="${look.border.color}" stroke-width="${look.border.width}"${dash}/>`);
  }
  out.push("</g>");
  return out.join("");
}

interface Route {
  channel: Channel;
  d: string;
  end: { x: number; y: number; angle: number };
  label: { x: number; y: number; text: string } | null;
  controls: [number, number][];
}

function routeOf(channel: Channel, lane: number, from: Placed, to: Placed): Route {
  const sx = from.x + CARD_WIDTH + HANDLE_REACH;
  const sy = from.y + from.layout.height / 2;
  const tx = to.x - HANDLE_REACH;
  const ty = to.y + to.layout.height / 2;
  const [d, lx, ly] = channelPath(sx, sy, tx, ty, lane);
  const [c1x, c1y, c2x, c2y] = channelControls(sx, sy, tx, ty, lane);
  const controls: [number, number][] = [[sx, sy], [c1x, c1y], [c2x, c2y], [tx, ty]];
  const angle = Math.atan2(ty - c2y, tx - c2x);
  const text = [channel.label, channel.share !== undefined ? `${channel.share}%` : ""].filter(Boolean).join(" · ");
  return { channel, d, end: { x: tx, y: ty, angle }, label: text ? { x: lx, y: ly, text } : null, controls };
}

function renderRoute(route: Route): string {
  const style = FLOW_STYLE[route.channel.flow];
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : "";
  const { x, y, angle } = route.end;
  const points = ARROW.points
    .map(([px, py]) => {
      const [sx, sy] = [px * ARROW.scale, py * ARROW.scale];
      return `${fmt(x + sx * Math.cos(angle) - sy * Math.sin(angle))},${fmt(y + sx * Math.sin(angle) + sy * Math.cos(angle))}`;
    })
    .join(" ");
  const head =
    style.arrow === "filled"
      ? `<polygon points="${points}" fill="${style.color}"/>`
      : `<polyline points="${points}" fill="none" stroke="${style.color}" stroke-width="1.75" stroke-linejoin="round" stroke-linecap="round"/>`;
  return (
    `<g class="react-flow__edge channel" data-id="${esc(route.channel.id)}" data-flow="${route.channel.flow}" data-from="${esc(route.channel.from)}" data-to="${esc(route.channel.to)}">` +
    `<path class="react-flow__edge-path channel-path" data-id="${esc(route.channel.id)}" d="${route.d}" fill="none" stroke="${style.color}" stroke-width="${style.width}" stroke-linecap="round"${dash}/>` +
    head +
    "</g>"
  );
}

function labelBox(label: NonNullable<Route["label"]>) {
  const width = textWidth(label.text, 12, true) + 14;
  return { x: label.x - width / 2, y: label.y - 11, width, height: 22 };
}

function renderLabel(route: Route): string {
  if (!route.label) return "";
  const box = labelBox(route.label);
  return (
    `<g class="channel-label" data-id="${esc(route.channel.id)}">` +
    `<rect x="${fmt(box.x)}" y="${fmt(box.y)}" width="${fmt(box.width)}" height="${box.height}" rx="6" fill="#ffffff" stroke="${TW.slate200}"/>` +
    `<text x="${fmt(route.label.x)}" y="${fmt(route.label.y + 4)}" font-size="12" font-weight="500" text-anchor="middle" fill="${TW.slate700}">${esc(route.label.text)}</text>` +
    "</g>"
  );
}

/** The board (or the players in `only`) as an SVG picture. */
export function renderBoardSvg(board: Board, options: PictureOptions = {}): BoardPicture {
  const strategyView = options.strategyView ?? false;
  const padding = options.padding ?? 32;
  const only = options.only ? new Set(options.only) : null;
  const players = only ? board.players.filter((p) => only.has(p.id)) : board.players;
  const shown: Board = { ...board, players, channels: board.channels };
  const placed = new Map<string, Placed>(players.map((p) => [p.id, { player: p, layout: cardLayout(p), x: p.x, y: p.y }]));
  const routes = toFlowEdges(shown, { selectedIds: [] }).map((edge) => routeOf(edge.data!.channel, edge.data!.lane, placed.get(edge.source)!, placed.get(edge.target)!));

  const box: Box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const p of placed.values()) {
    grow(box, p.x - HANDLE_REACH, p.y);
    grow(box, p.x + CARD_WIDTH + HANDLE_REACH, p.y + p.layout.height);
  }
  for (const r of routes) {
    // A Bézier curve stays inside the hull of its control points; arrowheads reach a little past the end.
    for (const [x, y] of r.controls) grow(box, x, y);
    grow(box, r.end.x + 2, r.end.y + 9);
    grow(box, r.end.x - 2, r.end.y - 9);
    if (r.label) {
      const l = labelBox(r.label);
      grow(box, l.x, l.y);
      grow(box, l.x + l.width, l.y + l.height);
    }
  }
  // Frames and notes of a selection: those selected; of the whole board: all of them.
  const frames = (board.frames ?? []).filter((f) => !only || only.has(f.id));
  const notes = (board.notes ?? []).filter((n) => !only || only.has(n.id));
  for (const f of frames) {
    grow(box, f.x, f.y - 26);
    grow(box, f.x + f.width, f.y + f.height);
  }
  for (const n of notes) {
    grow(box, n.x, n.y);
    grow(box, n.x + NOTE_SIZE.width, n.y + noteLayout(n).height);
  }
  if (!Number.isFinite(box.minX)) Object.assign(box, { minX: 0, minY: 0, maxX: 320, maxY: 120 });

  const legend = options.legend ?? true;
  const diagramWidth = box.maxX - box.minX + 2 * padding;
  const legendH = legend ? legendHeight(strategyView) : 0;
  const title = board.title || "Untitled board";
  const width = Math.ceil(Math.max(diagramWidth, legend ? legendWidth(board, strategyView, title) : 0));
  const height = Math.ceil(box.maxY - box.minY + 2 * padding + legendH);
  const origin = { x: box.minX - padding, y: box.minY - padding };

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}" role="img" aria-label="${esc(`${title}: value chain`)}" data-players="${players.length}" data-channels="${routes.length}">`,
  );
  parts.push(`<title>${esc(title)}</title>`);
  if (options.background !== "transparent") parts.push(`<rect class="background" width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<g class="diagram" transform="translate(${fmt(-origin.x)},${fmt(-origin.y)})">`);
  if (frames.length) parts.push(`<g class="frames">${frames.map(renderFrame).join("")}</g>`);
  parts.push(`<g class="channels">${routes.map(renderRoute).join("")}</g>`);
  parts.push(`<g class="channel-labels">${routes.map(renderLabel).join("")}</g>`);
  parts.push(`<g class="players">${[...placed.values()].map((p) => renderCard(p, strategyView)).join("")}</g>`);
  if (notes.length) parts.push(`<g class="notes">${notes.map(renderNote).join("")}</g>`);
  parts.push("</g>");
  if (legend) parts.push(renderLegend(board, { top: height - legendH, width, strategyView, title }));
  parts.push("</svg>");
  return { svg: parts.join(""), width, height, origin, players: players.length, channels: routes.length };
}
