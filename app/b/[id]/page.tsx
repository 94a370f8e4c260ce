import type { Metadata } from "next";
import { BoardGate } from "@/components/board/BoardGate";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Board · Chainboard", referrer: "no-referrer" };

/**
 * The board page never sees the token: links carry it in the fragment, which browsers do not
 * send, and the page checks it with the API (components/board/BoardGate.tsx). So the answer is
 * the same for every id, and nothing about a board is in the HTML.
 */
export default async function BoardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <BoardGate boardId={id} />;
}
