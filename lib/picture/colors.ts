/** Colour arithmetic the canvas leaves to CSS (color-mix) and a picture must do itself. */

function rgb(hex: string): [number, number, number] {
  const h = hex.replace("#", "");
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** `color-mix(in srgb, a share%, b)`, as a hex colour. */
export function mix(a: string, share: number, b: string): string {
  const [x, y] = [rgb(a), rgb(b)];
  return `#${x.map((v, i) => Math.round(v * share + y[i] * (1 - share)).toString(16).padStart(2, "0")).join("")}`;
}

/** Tailwind colours the cards and badges use. */
export const TW = {
  white: "#ffffff",
  black: "#000000",
  slate50: "#f8fafc",
  slate200: "#e2e8f0",
  slate400: "#94a3b8",
  slate500: "#64748b",
  slate600: "#475569",
  slate700: "#334155",
  slate900: "#0f172a",
  emerald50: "#ecfdf5",
  emerald200: "#a7f3d0",
  emerald700: "#047857",
  rose50: "#fff1f2",
  rose200: "#fecdd3",
  rose700: "#be123c",
  amber50: "#fffbeb",
  amber200: "#fde68a",
  amber700: "#b45309",
  indigo50: "#eef2ff",
  indigo200: "#c7d2fe",
  indigo700: "#4338ca",
} as const;
