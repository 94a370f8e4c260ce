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
import { KIND_COLORS } from "@/lib/canvas/palette";
import type { PlayerKind } from "@/lib/valuechain/model";

/** One colour and icon per kind, distinct enough to tell kinds apart at a glance and on the minimap. */
export const KIND_STYLE: Record<PlayerKind, { color: string; icon: LucideIcon }> = {
  supplier: { color: KIND_COLORS["supplier"], icon: Package },
  manufacturer: { color: KIND_COLORS["manufacturer"], icon: Factory },
  importer: { color: KIND_COLORS["importer"], icon: Ship },
  distributor: { color: KIND_COLORS["distributor"], icon: Truck },
  wholesaler: { color: KIND_COLORS["wholesaler"], icon: Warehouse },
  retailer: { color: KIND_COLORS["retailer"], icon: Store },
  installer: { color: KIND_COLORS["installer"], icon: Wrench },
  specifier: { color: KIND_COLORS["specifier"], icon: DraftingCompass },
  "end-user": { color: KIND_COLORS["end-user"], icon: User },
  "service-provider": { color: KIND_COLORS["service-provider"], icon: Headset },
  other: { color: KIND_COLORS["other"], icon: Shapes },
};
