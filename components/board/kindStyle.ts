import {
  DraftingCompass,
  Factory,
  Headset,
  Package,
  Shapes,
  Ship,
  Store,
  Truck,
  User,
  Warehouse,
  Wrench,
  type LucideIcon,
} from "lucide-react";
import type { PlayerKind } from "@/lib/valuechain/model";

/** One colour and icon per kind, distinct enough to tell kinds apart at a glance and on the minimap. */
export const KIND_STYLE: Record<PlayerKind, { color: string; icon: LucideIcon }> = {
  supplier: { color: "#b45309", icon: Package },
  manufacturer: { color: "#1d4ed8", icon: Factory },
  importer: { color: "#0e7490", icon: Ship },
  distributor: { color: "#047857", icon: Truck },
  wholesaler: { color: "#4d7c0f", icon: Warehouse },
  retailer: { color: "#c2410c", icon: Store },
  installer: { color: "#b91c1c", icon: Wrench },
  specifier: { color: "#6d28d9", icon: DraftingCompass },
  "end-user": { color: "#be185d", icon: User },
  "service-provider": { color: "#a21caf", icon: Headset },
  other: { color: "#475569", icon: Shapes },
};
