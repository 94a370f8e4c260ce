/**
 * This browser's part in a board's workshop: the participant id the server issued (so a reload
 * replaces this person's answers instead of adding a second participant) and, per round, the
 * answers being written — kept in this browser only, never in the shared document.
 */
import type { RoundAnswers } from "@/lib/valuechain/rounds";

const participantKey = (boardId: string) => `chainboard.participant.${boardId}`;
const draftPrefix = (boardId: string) => `chainboard.round-answers.${boardId}.`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readParticipantId(boardId: string): string | undefined {
  const id = storage()?.getItem(participantKey(boardId));
  return id && /^[A-Za-z0-9_-]{16,64}$/.test(id) ? id : undefined;
}

export function saveParticipantId(boardId: string, id: string): void {
  try {
    storage()?.setItem(participantKey(boardId), id);
  } catch {
    // Storage full or disabled: the next answer issues a new id.
  }
}

export function forgetParticipantId(boardId: string): void {
  storage()?.removeItem(participantKey(boardId));
}

export interface Draft {
  answers: RoundAnswers;
  submitted: boolean;
}

export function readDraft(boardId: string, roundId: string): Draft | null {
  try {
    const parsed = JSON.parse(storage()?.getItem(draftPrefix(boardId) + roundId) ?? "null") as Draft | null;
    return parsed && typeof parsed === "object" && typeof parsed.answers === "object" ? { answers: parsed.answers, submitted: parsed.submitted === true } : null;
  } catch {
    return null;
  }
}

/** Keeps this round's draft and drops the drafts of the board's earlier rounds. */
export function saveDraft(boardId: string, roundId: string, draft: Draft): void {
  const s = storage();
  if (!s) return;
  try {
    for (let i = s.length - 1; i >= 0; i--) {
      const key = s.key(i);
      if (key?.startsWith(draftPrefix(boardId)) && key !== draftPrefix(boardId) + roundId) s.removeItem(key);
    }
    s.setItem(draftPrefix(boardId) + roundId, JSON.stringify(draft));
  } catch {
    // Not kept across a reload; the answers still reach the server.
  }
}
