import { Fragment, useMemo } from "react";
import { ArrowRight } from "lucide-react";
import type { Answers } from "@/lib/valuechain/answers";
import { liveChannels, type Board } from "@/lib/valuechain/model";
import { AnswerRow } from "./AnswerRow";
import { formatPercent } from "./format";
import { MissingShares } from "./MissingShares";
import { MoreList } from "./MoreList";
import { PlayerName } from "./PlayerName";
import { ShareTotal } from "./ShareTotal";

/** Ids of the goods channels from one player to the next, by "from to": parallel channels are all part of the route. */
function goodsSteps(board: Board): Map<string, string[]> {
  const steps = new Map<string, string[]>();
  for (const c of liveChannels(board)) {
    if (c.flow !== "goods") continue;
    const key = `${c.from}\u0000${c.to}`;
    steps.set(key, [...(steps.get(key) ?? []), c.id]);
  }
  return steps;
}

/**
 * Question 8: every distribution channel as its route of players, with its share of volume once
 * every channel along the routes has a share; until then, the channels still without one. Routes
 * from us add up to 100% of our volume; without an us, each route is a share of its own start's.
 */
export function ChannelPathList({ board, channels, fromUs }: { board: Board; channels: Answers["channels"]; fromUs: boolean }) {
  const steps = useMemo(() => goodsSteps(board), [board]);
  const routes = useMemo(
    () =>
      channels.paths.map((path, i) => ({
        path,
        share: channels.shares[i],
        channelIds: path.slice(1).flatMap((to, j) => steps.get(`${path[j]}\u0000${to}`) ?? []),
      })),
    [channels, steps],
  );
  const sharesKnown = channels.missingShares.length === 0 && routes.every((r) => r.share !== null);
  // Only a board that uses shares at all is asked for the missing ones: missingShares lists route channels only.
  const someShareSet = new Set(routes.flatMap((r) => r.channelIds)).size > channels.missingShares.length;
  const whose = fromUs ? "our" : "its start's";

  return (
    <>
      <MoreList
        items={routes}
        ordered
        label="Distribution channels"
        noun={["channel", "channels"]}
        render={({ path, share, channelIds }) => (
          <AnswerRow key={path.join(">")} players={path} channels={channelIds} testId="channel-path">
            <span className="flex flex-wrap items-center gap-x-1 gap-y-0.5">
              {path.map((id, j) => (
                <Fragment key={id}>
                  {j > 0 && (
                    <>
                      <ArrowRight className="size-3.5 shrink-0 text-slate-400" aria-hidden />
                      <span className="sr-only">to</span>
                    </>
                  )}
                  <PlayerName id={id} aliases="tooltip" />
                </Fragment>
              ))}
            </span>
            {sharesKnown && share !== null && (
              <span data-testid="channel-share" className="mt-0.5 block text-xs font-semibold text-slate-500">
                {formatPercent(share)} of {whose} volume
              </span>
            )}
          </AnswerRow>
        )}
      />
      {sharesKnown && fromUs && routes.length > 0 && !channels.capped && <ShareTotal shares={routes.map((r) => r.share as number)} />}
      {!sharesKnown && someShareSet && <MissingShares board={board} ids={channels.missingShares} />}
    </>
  );
}
