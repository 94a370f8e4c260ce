"use client";
import { useMemo, useSyncExternalStore } from "react";
import { parseRecentBoards, readRecentBoardsRaw, RECENT_BOARDS_CHANGED, type RecentBoard } from "./recentBoards";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(RECENT_BOARDS_CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(RECENT_BOARDS_CHANGED, onChange);
  };
}

/** The boards this browser knows, kept current across tabs; empty while rendering on the server. */
export function useRecentBoards(): RecentBoard[] {
  const raw = useSyncExternalStore(subscribe, readRecentBoardsRaw, () => null);
  return useMemo(() => parseRecentBoards(raw), [raw]);
}
