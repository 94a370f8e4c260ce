import { useCallback, useMemo, useState, type Dispatch, type ReactNode, type SetStateAction } from "react";
import type { FollowTarget, Identity } from "@/lib/collab/presence";
import type { RoundQuestion } from "@/lib/valuechain/rounds";
import { useSession } from "../hooks/useSession";
import { AgreementContext, type PlayerMarks } from "./AgreementContext";
import { roundsClient } from "./api";
import { agreementByPlayer } from "./decorations";
import { EditingLock } from "./EditingLock";
import { useRoundView } from "./useRoundView";
import { useSpotlightFollow } from "./useSpotlightFollow";
import { usePublicRound } from "./useWorkshopState";
import { WorkshopContext, type RoundPrefill, type Workshop } from "./WorkshopContext";

const NOBODY: ReadonlySet<string> = new Set();

interface WorkshopRootProps {
  identity: Identity | null;
  setFollowing: Dispatch<SetStateAction<FollowTarget | null>>;
  children: ReactNode;
}

/**
 * Everything the workshop adds around the board page: the current round (live from the
 * document), its revealed results, the agreement colours of the player cards, the
 * facilitator's spotlight, and the editing lock of a round that asks for it.
 */
export function WorkshopRoot({ identity, setFollowing, children }: WorkshopRootProps) {
  const { session, boardId, token } = useSession();
  const client = useMemo(() => roundsClient(boardId, token), [boardId, token]);
  const round = usePublicRound(session.doc);
  const results = useRoundView(client, round?.id ?? null, round?.status === "revealed", round?.status);
  const [panelOpen, setPanelOpen] = useState(false);
  const [prefill, setPrefill] = useState<RoundPrefill | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<string>>(NOBODY);
  useSpotlightFollow(session.doc, session.provider.awareness, setFollowing);

  const askPrivately = useCallback((questions: RoundQuestion[], timerSeconds: number | null) => {
    setPrefill((previous) => ({ questions, timerSeconds, key: (previous?.key ?? 0) + 1 }));
    setPanelOpen(true);
  }, []);

  const scores = round?.status === "revealed" ? results.view?.scores : undefined;
  const agreement = useMemo(() => (scores ? agreementByPlayer(scores) : new Map()), [scores]);
  const marks = useMemo<PlayerMarks>(() => ({ agreement, picked }), [agreement, picked]);

  const workshop = useMemo<Workshop>(
    () => ({ client, identity, round, results, panelOpen, setPanelOpen, prefill, askPrivately, setPicked }),
    [client, identity, round, results, panelOpen, prefill, askPrivately],
  );

  return (
    <WorkshopContext value={workshop}>
      <AgreementContext value={marks}>
        <EditingLock>{children}</EditingLock>
      </AgreementContext>
    </WorkshopContext>
  );
}
