import { useCallback, useMemo, useState } from "react";

const NOTHING: readonly string[] = [];

/** One card or channel selected (or not) on the open version's canvas. */
export interface SelectionChange {
  id: string;
  selected: boolean;
}

export interface VersionSelection {
  /** What is selected on the open version, to be read in the inspector. */
  ids: readonly string[];
  /** Applies React Flow's select changes (a click, Enter on a card, a click on the empty canvas). */
  apply(changes: readonly SelectionChange[]): void;
  /** Selects these players and brings them into view (a name clicked in the questions panel). */
  show(ids: readonly string[]): void;
  /** The latest request to bring players into view; the version's canvas follows it. */
  focus: { ids: readonly string[] } | null;
}

interface State {
  versionId: string | null;
  ids: readonly string[];
  focus: { ids: readonly string[] } | null;
}

/**
 * The selection on an open version. It belongs to that version: opening another one, or going
 * back to the live board, starts from nothing selected.
 */
export function useVersionSelection(versionId: string | null): VersionSelection {
  const [state, setState] = useState<State>({ versionId, ids: NOTHING, focus: null });
  const current = state.versionId === versionId ? state : null;

  const apply = useCallback(
    (changes: readonly SelectionChange[]) =>
      setState((prev) => {
        const ids = new Set(prev.versionId === versionId ? prev.ids : NOTHING);
        for (const change of changes) {
          if (change.selected) ids.add(change.id);
          else ids.delete(change.id);
        }
        return { versionId, ids: [...ids], focus: null };
      }),
    [versionId],
  );
  const show = useCallback((ids: readonly string[]) => {
    if (ids.length > 0) setState({ versionId, ids, focus: { ids } });
  }, [versionId]);

  return useMemo(() => ({ ids: current?.ids ?? NOTHING, focus: current?.focus ?? null, apply, show }), [current, apply, show]);
}
