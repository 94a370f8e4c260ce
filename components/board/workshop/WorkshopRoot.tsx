import { useCallback, useEffect, useMemo, useState, type Dispatch, type ReactNode, type SetStateAction } from "react";
import type { FollowTarget, Identity } from "@/lib/collab/presence";
import { hiddenDuring, NOTHING_HIDDEN, type BlindAspect, type HiddenAspects } from "@/lib/valuechain/blind";
import type { RoundQuestion } from "@/lib/valuechain/rounds";
import { useSession } from "../hooks/useSession";
import { AgreementContext, type PlayerMarks } from "./AgreementContext";
import { roundsClient } from "./api";
import { BlindContext } from "./BlindContext";
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
 * document), its revealed results, the agreement colours of the player cards, what a blind
 * round hides, the facilitator's spotlight, and the editing lock of a round that asks for it.
 */
export function WorkshopRoot({ identity, setFollowing, children }: WorkshopRootProps) {
  const { session, boardId, token } = useSession();
  const client = useMemo(() => roundsClient(boardId, token), [boardId, token]);
  const round = usePublicRound(session.doc);
  const results = useRoundView(client, round?.id ?? null, round?.status === "revealed", round?.status);
  const [panelOpen, setPanelOpen] = useState(false);
  const [dockFolded, setDockFolded] = useState(false);
  // A round starting or revealed is news for everyone: unfold the workshop to show it.
  const roundKey = `${round?.id}:${round?.status}`;
  useEffect(() => setDockFolded(false), [roundKey]);
  const [prefill, setPrefill] = useState<RoundPrefill | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<string>>(NOBODY);
  useSpotlightFollow(session.doc, session.provider.awareness, setFollowing);

  const askPrivately = useCallback((questions: RoundQuestion[], timerSeconds: number | null) => {
    setPrefill((previous) => ({ questions, timerSeconds, key: (previous?.key ?? 0) + 1 }));
    setPanelOpen(true);
    setDockFolded(false);
  }, []);

  const scores = round?.status === "revealed" ? results.view?.scores : undefined;
  const agreement = useMemo(() => (scores ? agreementByPlayer(scores) : new Map()), [scores]);
  const marks = useMemo<PlayerMarks>(() => ({ agreement, picked }), [agreement, picked]);
  // A new set only when what is hidden changes: the cards' blinded players are cached per set.
  const hiddenKey = [...hiddenDuring(round)].sort().join(" ");
  const hidden = useMemo<HiddenAspects>(() => (hiddenKey ? new Set(hiddenKey.split(" ") as BlindAspect[]) : NOTHING_HIDDEN), [hiddenKey]);

  const workshop = useMemo<Workshop>(
    () => ({ client, identity, round, results, panelOpen, setPanelOpen, dockFolded, setDockFolded, prefill, askPrivately, setPicked }),
    [client, identity, round, results, panelOpen, dockFolded, prefill, askPrivately],
  );

  return (
    <WorkshopContext value={workshop}>
      <AgreementContext value={marks}>
        <BlindContext value={hidden}>
          <EditingLock>{children}</EditingLock>
        </BlindContext>
      </AgreementContext>
    </WorkshopContext>
  );
}
