/**
 * The colours of the board, as plain data: the canvas (components/board), the exported
 * pictures and the server-side report all read them here, so what leaves the room looks like
 * what is on screen.
 */
import type { PlayerKind, Strategy } from "../valuechain/model";

/** One colour per kind, distinct enough to tell kinds apart at a glance and on the minimap. */
export const KIND_COLORS: Record<PlayerKind, string> = {
  supplier: "#b45309",
  manufacturer: "#1d4ed8",
  importer: "#0e7490",
  distributor: "#047857",
  wholesaler: "#4d7c0f",
  retailer: "#c2410c",
  installer: "#b91c1c",
  specifier: "#6d28d9",
  "end-user": "#be185d",
  "service-provider": "#a21caf",
  other: "#475569",
};

/**
 * How the strategy view colours each sales strategy. Colours from the Okabe–Ito palette,
 * which stays distinguishable with the common colour-vision deficiencies; "none" is a quiet grey.
 */
export const STRATEGY_COLORS: Record<Strategy, string> = {
  push: "#0072B2",
  pull: "#009E73",
  "push-pull": "#CC79A7",
  specification: "#E69F00",
  none: "#94A3B8",
};

/** In the strategy view the kind steps back to grey, so the strategy colour is what stands out. */
export const QUIET_KIND_COLOR = "#475569";
