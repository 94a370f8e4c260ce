/**
 * Where everything on a player's card goes, in the measures of the canvas's card
 * (components/board/PlayerNode.tsx: 192 px wide, a 44 px band with the kind, then the name on
 * up to two lines, the aliases, the badges). Computed, not measured, so the server lays out a
 * report's diagram exactly as a browser lays out an exported picture.
 */
import { CUSTOMER_LABELS, STRATEGY_LABELS, TRANSACTION_LABELS } from "../valuechain/labels";
import type { Player } from "../valuechain/model";
import { TW } from "./colors";
import { textWidth, wrapText, fitText } from "./svgText";

export const CARD_WIDTH = 192;
export const BAND_HEIGHT = 44;
const PAD_X = 12;
const INNER = CARD_WIDTH - 2 * PAD_X;
export const NAME_SIZE = 16;
export const NAME_LINE = 22;
export const ALIAS_SIZE = 12;
const ALIAS_LINE = 16;
export const BADGE_SIZE = 11;
export const BADGE_HEIGHT = 20;
const BADGE_GAP = 4;
const GAP = 6;

export interface Badge {
  text: string;
  x: number;
  y: number;
  width: number;
  fill: string;
  ink: string;
  ring: string;
}

export interface CardLayout {
  height: number;
  /** Baselines are relative to the card's top-left corner. */
  name: { lines: string[]; top: number; unnamed: boolean };
  aliases: { text: string; top: number } | null;
  badges: Badge[];
}

const CUSTOMER_BADGE = {
  yes: { mark: "✓", fill: TW.emerald50, ink: TW.emerald700, ring: TW.emerald200 },
  no: { mark: "✗", fill: TW.rose50, ink: TW.rose700, ring: TW.rose200 },
  undecided: { mark: "?", fill: TW.amber50, ink: TW.amber700, ring: TW.amber200 },
} as const;
const STRATEGY_BADGE = { fill: TW.indigo50, ink: TW.indigo700, ring: TW.indigo200 };
const NEUTRAL_BADGE = { fill: TW.slate50, ink: TW.slate600, ring: TW.slate200 };

/** The badges a card shows (components/board/PlayerBadges.tsx), in order, unplaced. */
function badgesOf(player: Player): Omit<Badge, "x" | "y" | "width">[] {
  const out: Omit<Badge, "x" | "y" | "width">[] = [];
  if (!player.isUs) {
    const c = CUSTOMER_BADGE[player.customer];
    out.push({ text: `${CUSTOMER_LABELS.yes.label} ${c.mark}`, fill: c.fill, ink: c.ink, ring: c.ring });
  }
  if (player.strategy !== "none") {
    const v = STRATEGY_LABELS[player.strategy];
    out.push({ text: v.short ?? v.label, ...STRATEGY_BADGE });
  }
  if (player.transaction !== "none") {
    const v = TRANSACTION_LABELS[player.transaction];
    out.push({ text: v.short ?? v.label, ...NEUTRAL_BADGE });
  }
  if (player.consumer) out.push({ text: "Consumes", ...NEUTRAL_BADGE });
  return out;
}

export function cardLayout(player: Player): CardLayout {
  let y = BAND_HEIGHT + GAP;
  const unnamed = !player.name.trim();
  const lines = unnamed ? ["Unnamed"] : wrapText(player.name, INNER, NAME_SIZE, 2, true);
  const name = { lines, top: y, unnamed };
  y += lines.length * NAME_LINE;
  let aliases: CardLayout["aliases"] = null;
  if (player.aliases.length) {
    y += GAP;
    aliases = { text: fitText(`also called ${player.aliases.join(", ")}`, INNER, ALIAS_SIZE), top: y };
    y += ALIAS_LINE;
  }
  // The badge row is there even when empty, as on the card (its margin stays).
  y += GAP;
  const badges: Badge[] = [];
  let x = PAD_X;
  let rowTop = y;
  for (const b of badgesOf(player)) {
    const width = Math.ceil(textWidth(b.text, BADGE_SIZE) + 16);
    if (x > PAD_X && x + width > PAD_X + INNER) {
      x = PAD_X;
      rowTop += BADGE_HEIGHT + BADGE_GAP;
    }
    badges.push({ ...b, x, y: rowTop, width });
    x += width + BADGE_GAP;
  }
  if (badges.length) y = rowTop + BADGE_HEIGHT;
  return { height: Math.round(y + 10), name, aliases, badges };
}
