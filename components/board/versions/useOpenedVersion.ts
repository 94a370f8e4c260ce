import { useEffect, useState } from "react";
import type { Answers } from "@/lib/valuechain/answers";
import type { Board } from "@/lib/valuechain/model";
import { analyzeOnce } from "../answers/analyzer";
import type { Loaded } from "./useLoad";
import type { VersionsApi } from "./versionsApi";

/** A version opened read-only: its board, and its own answers to the eight questions. */
export interface OpenedVersion {
  id: string;
  board: Board;
  answers: Answers;
}

const LOADING: Loaded<never> = { status: "loading" };

/**
 * The open version's board and answers, loaded once per version (a saved version never
 * changes), for its canvas and for the side panel; null while no version is open.
 */
export function useOpenedVersion(api: VersionsApi, versionId: string | null): Loaded<OpenedVersion> | null {
  const [loaded, setLoaded] = useState<{ id: string; state: Loaded<OpenedVersion> } | null>(null);
  useEffect(() => {
    if (versionId === null) return;
    let current = true;
    (async () => {
      try {
        const board = await api.board(versionId);
        const answers = await analyzeOnce(board);
        if (current) setLoaded({ id: versionId, state: { status: "ready", value: { id: versionId, board, answers } } });
      } catch (err) {
        if (current) setLoaded({ id: versionId, state: { status: "error", message: (err as Error).message } });
      }
    })();
    return () => {
      current = false;
    };
  }, [api, versionId]);
  if (versionId === null) return null;
  return loaded?.id === versionId ? loaded.state : LOADING;
}
