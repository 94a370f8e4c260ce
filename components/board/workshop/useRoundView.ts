import { useCallback, useEffect, useMemo, useState } from "react";
import type { RoundsClient } from "./api";
import type { RoundView } from "@/lib/contracts/rounds";

export interface LoadedRound {
  view: RoundView | null;
  error: string | null;
  reload: () => void;
}

/**
 * `GET …/rounds/{rid}` while `enabled`, fetched again whenever `refreshKey` changes (a new
 * status, someone else answering). A late answer never overwrites a newer one.
 */
export function useRoundView(client: RoundsClient, roundId: string | null, enabled: boolean, refreshKey: string = ""): LoadedRound {
  const [state, setState] = useState<{ key: string; view: RoundView | null; error: string | null }>({ key: "", view: null, error: null });
  const [nonce, setNonce] = useState(0);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const key = `${roundId}|${refreshKey}|${nonce}`;

  useEffect(() => {
    if (!enabled || !roundId) return;
    let current = true;
    client.view(roundId).then(
      (view) => current && setState({ key, view, error: null }),
      (err: unknown) => current && setState((prev) => ({ key, view: prev.view?.id === roundId ? prev.view : null, error: err instanceof Error ? err.message : String(err) })),
    );
    return () => {
      current = false;
    };
  }, [client, roundId, enabled, key]);

  const view = enabled && state.view?.id === roundId ? state.view : null;
  const error = enabled && state.key === key ? state.error : null;
  return useMemo(() => ({ view, error, reload }), [view, error, reload]);
}
