"use client";
import dynamic from "next/dynamic";
import type { Role } from "@/lib/contracts/roles";
import { OpeningBoard } from "./OpeningBoard";

// The canvas measures the DOM and the session opens IndexedDB and a websocket: browser only.
const BoardApp = dynamic(() => import("./BoardApp").then((m) => m.BoardApp), { ssr: false, loading: () => <OpeningBoard /> });

export function BoardLoader(props: { boardId: string; token: string; role: Role }) {
  return <BoardApp {...props} />;
}
