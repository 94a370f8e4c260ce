import { memo, useMemo } from "react";
import type { Answers } from "@/lib/valuechain/answers";
import { visibleWarnings } from "@/lib/valuechain/blind";
import type { Board } from "@/lib/valuechain/model";
import { EIGHT_QUESTIONS } from "@/lib/valuechain/labels";
import { HIDDEN_NOTE, useBlindBoard, useHiddenAnswers } from "../workshop/BlindContext";
import { ChainVsChannel } from "./ChainVsChannel";
import { ChannelPathList } from "./ChannelPathList";
import { plural } from "./format";
import { PlayerList } from "./PlayerList";
import { PlayerLookupContext } from "./PlayerLookupContext";
import { PlayerName } from "./PlayerName";
import { PlayersByKind } from "./PlayersByKind";
import { QuestionBlock } from "./QuestionBlock";
import { ReasonList } from "./ReasonList";
import { SalesEngagement } from "./SalesEngagement";
import { WarningList } from "./WarningList";
import { WhyAnswer } from "./WhyAnswer";

interface QuestionsPanelProps {
  /** The board the answers were computed from. */
  board: Board;
  answers: Answers;
  strategyView: boolean;
  onShowPlayers: (ids: readonly string[]) => void;
}

/**
 * The eight value-chain questions, answered from the board as it is now, with what is missing
 * on top. Pointing at an answer lights its players up on the canvas; a name selects the player.
 * During a blind round the questions it asks wait for the reveal, and so do the warnings and
 * names that would answer them.
 */
function QuestionsPanelView({ board, answers, strategyView, onShowPlayers }: QuestionsPanelProps) {
  const hidden = useHiddenAnswers();
  const shown = useBlindBoard(board);
  const lookup = useMemo(() => ({ byId: new Map(shown.players.map((p) => [p.id, p])), show: onShowPlayers }), [shown.players, onShowPlayers]);
  const warnings = useMemo(() => visibleWarnings(answers.warnings, hidden, board), [answers.warnings, hidden, board]);
  const salesHidden = hidden.has("strategy") || hidden.has("transaction");
  const anyMarkedConsumer = board.players.some((p) => p.consumer);
  const { us, channels } = answers;

  return (
    <PlayerLookupContext value={lookup}>
      <div data-testid="questions-panel" className="space-y-4">
        <header>
          <h2 className="text-sm font-semibold text-slate-900">The eight questions</h2>
          <p className="text-xs text-slate-500">Answered live from the board. Point at an answer to find it on the canvas.</p>
        </header>
        <WarningList warnings={warnings} />
        {strategyView &&
          (salesHidden ? (
            <p data-testid="engagement-hidden" className="text-sm text-slate-500 italic">
              Sales strategy: {HIDDEN_NOTE}
            </p>
          ) : (
            <SalesEngagement board={board} />
          ))}
        <ol className="space-y-3" aria-label="The eight questions">
          <QuestionBlock
            n={1}
            question={EIGHT_QUESTIONS[0]}
            answer={board.players.length ? `${plural(board.players.length, "player")} of ${plural(Object.keys(answers.players).length, "kind")}.` : "No players on the board yet."}
          >
            <PlayersByKind groups={answers.players} />
          </QuestionBlock>

          <QuestionBlock
            n={2}
            question={EIGHT_QUESTIONS[1]}
            hidden={hidden.has("consumers")}
            answer={
              answers.consumers.length === 0
                ? "Nobody yet: mark the player that uses the product up as its ultimate consumer."
                : !anyMarkedConsumer && "Nobody is marked as the ultimate consumer, so these are the players where the goods flow ends."
            }
          >
            <PlayerList ids={answers.consumers} label="Consumers" />
          </QuestionBlock>

          <QuestionBlock n={3} question={EIGHT_QUESTIONS[2]} hidden={hidden.has("starts")} answer={answers.starts.length === 0 && "Nobody yet: draw goods channels to see where the flow begins."}>
            <PlayerList ids={answers.starts} label="Where the chain starts" />
          </QuestionBlock>

          <QuestionBlock
            n={4}
            question={EIGHT_QUESTIONS[3]}
            hidden={hidden.has("us")}
            answer={
              us ? (
                <>
                  <PlayerName id={us.id} /> is at <strong data-testid="our-stage">stage {us.stage} of {us.stages}</strong>, counting players along the longest goods
                  route.
                </>
              ) : (
                "Nobody is marked as us yet."
              )
            }
          />

          <QuestionBlock n={5} question={EIGHT_QUESTIONS[4]} hidden={hidden.has("customer")} answer={answers.customers.length ? `${plural(answers.customers.length, "customer")}.` : "Nobody is marked as a customer yet."}>
            <ReasonList reasons={answers.customers} label="Customers" />
            {answers.undecided.length > 0 && (
              <>
                <h4 className="mt-2 px-2 text-xs font-semibold text-slate-500">Not decided yet ({answers.undecided.length})</h4>
                <ReasonList reasons={answers.undecided.map((id) => ({ id, why: lookup.byId.get(id)?.why ?? "" }))} label="Not decided yet" flagMissing={false} />
              </>
            )}
          </QuestionBlock>

          <QuestionBlock n={6} question={EIGHT_QUESTIONS[5]} hidden={hidden.has("customer")} answer={answers.nonCustomers.length ? `${plural(answers.nonCustomers.length, "player")}.` : "Nobody is marked as not a customer yet."}>
            <ReasonList reasons={answers.nonCustomers} label="Not customers" />
          </QuestionBlock>

          <QuestionBlock n={7} question={EIGHT_QUESTIONS[6]} hidden={hidden.has("customer")}>
            <WhyAnswer answers={answers} />
          </QuestionBlock>

          {/* The routes start at us: while "us" is asked they would say who it is. */}
          <QuestionBlock
            n={8}
            question={EIGHT_QUESTIONS[7]}
            hidden={hidden.has("us")}
            answer={
              <>
                <strong data-testid="channel-count">
                  {channels.capped ? "At least " : ""}
                  {plural(channels.count, "distribution channel")}
                </strong>
                {us ? " from us to a consumer." : " from the start of the chain to a consumer, as nobody is marked as us."}
                {channels.capped && " Counting stopped there: the goods flow has too many routes to list."}
              </>
            }
          >
            <ChannelPathList board={board} channels={channels} fromUs={us !== null} />
          </QuestionBlock>
        </ol>
        <ChainVsChannel />
      </div>
    </PlayerLookupContext>
  );
}

/** Answers change only when the board does, not when a card is dragged: skip those renders. */
export const QuestionsPanel = memo(QuestionsPanelView);
