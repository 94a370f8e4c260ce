/**
 * The kinds' icons as standalone SVG images (data: URLs), built from lucide's icon geometry,
 * the same icon set the canvas draws with lucide-react. An icon goes into a picture as one
 * `<image>`, so the picture's own elements stay one group per player and one path per
 * channel, however many strokes an icon has.
 */
import { DraftingCompass, Factory, Headset, Package, Shapes, Ship, Store, Truck, User, Warehouse, Wrench, type IconNode } from "lucide";
import type { PlayerKind } from "../valuechain/model";

const ICONS: Record<PlayerKind, IconNode> = {
  supplier: Package,
  manufacturer: Factory,
  importer: Ship,
  distributor: Truck,
  wholesaler: Warehouse,
  retailer: Store,
  installer: Wrench,
  specifier: DraftingCompass,
  "end-user": User,
  "service-provider": Headset,
  other: Shapes,
};

function markup(node: IconNode): string {
  return node
    .map(([tag, attrs]) => `<${tag} ${Object.entries(attrs).map(([k, v]) => `${k}="${String(v)}"`).join(" ")}/>`)
    .join("");
}

const cache = new Map<string, string>();

/** The kind's icon drawn in `stroke`, as a data: URL for an SVG `<image>`. */
export function kindIconUrl(kind: PlayerKind, stroke: string): string {
  const key = `${kind}${stroke}`;
  let url = cache.get(key);
  if (!url) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="${stroke}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${markup(ICONS[kind])}</svg>`;
    url = `data:image/svg+xml,${encodeURIComponent(svg)}`;
    cache.set(key, url);
  }
  return url;
}
