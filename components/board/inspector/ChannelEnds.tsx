import { ArrowRight } from "lucide-react";
import type { Board, Channel } from "@/lib/valuechain/model";

/** "From → To" with the players' names. */
export function ChannelEnds({ board, channel }: { board: Board; channel: Channel }) {
  const name = (id: string) => board.players.find((p) => p.id === id)?.name || "Unnamed";
  return (
    <p className="flex items-center gap-2 rounded-lg bg-slate-50 px-3 py-2 text-sm font-medium text-slate-800">
      <span className="truncate">{name(channel.from)}</span>
      <ArrowRight className="size-4 shrink-0 text-slate-400" aria-label="to" />
      <span className="truncate">{name(channel.to)}</span>
    </p>
  );
}
