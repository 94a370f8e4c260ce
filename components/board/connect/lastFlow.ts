import { FLOWS, type Flow, type PlayerKind } from "@/lib/valuechain/model";

const KEY = "chainboard.lastFlow";

/**
 * The flow a new channel starts with: what this person chose last (people draw runs of the
 * same kind of line), except from a specifier, whose lines are influence in nearly every chain.
 * The chooser at the drop shows it at once, so it is never a silent default.
 */
export function initialFlow(fromKind: PlayerKind | undefined): Flow {
  if (fromKind === "specifier") return "influence";
  try {
    const stored = window.localStorage.getItem(KEY);
    if (stored && (FLOWS as readonly string[]).includes(stored)) return stored as Flow;
  } catch {
    // Storage can be off (private windows): fall through to goods.
  }
  return "goods";
}

export function rememberFlow(flow: Flow): void {
  try {
    window.localStorage.setItem(KEY, flow);
  } catch {
    // Not remembered; nothing else depends on it.
  }
}
