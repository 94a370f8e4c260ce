/**
 * The workshop rounds API as the board page calls it (PRODUCT.md, "Workshop rounds"). Every
 * call carries the board token; errors come back as `RoundApiError` with the server's code.
 */
import type { ParticipantAnswers, RoundAnswers, RoundQuestion, RoundScores } from "@/lib/valuechain/rounds";

export type RoundStatus = "open" | "revealed" | "closed";

/** `GET /api/boards/{id}/rounds/{rid}`: answers and scores only once revealed. */
export interface RoundView {
  id: string;
  status: RoundStatus;
  questions: RoundQuestion[];
  timerSeconds: number | null;
  lockEditing: boolean;
  /** The board hides what the round asks about while it is open. */
  blind: boolean;
  /** When the timer ends (ISO 8601), or null without a timer. */
  endsAt: string | null;
  /** The timer has run out: the round takes no more answers. */
  timeUp: boolean;
  createdAt: string;
  answered: { ref: string; name: string; function: string; duplicate: boolean }[];
  answers?: ParticipantAnswers[];
  scores?: RoundScores;
}

export interface RoundListEntry {
  id: string;
  status: RoundStatus;
  questions: RoundQuestion[];
  createdAt: string;
  answeredCount: number;
}

export class RoundApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RoundsClient {
  start(body: { questions: RoundQuestion[]; timerSeconds?: number; lockEditing?: boolean; blind?: boolean }): Promise<string>;
  answer(roundId: string, body: { participantId?: string; participant: { name: string; function: string }; answers: RoundAnswers }): Promise<string>;
  view(roundId: string): Promise<RoundView>;
  list(): Promise<RoundListEntry[]>;
  reveal(roundId: string): Promise<RoundView>;
  close(roundId: string): Promise<RoundView>;
  drop(roundId: string, ref: string): Promise<void>;
  summary(roundId: string): Promise<string>;
  /** The facilitator's spotlight (owner): the server writes it, nobody else can (R-WORKSHOP). */
  spotlight(body: { clientId: number; name: string } | null): Promise<void>;
}

async function failure(res: Response): Promise<RoundApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    return new RoundApiError(res.status, body.error?.code ?? "error", body.error?.message ?? res.statusText);
  } catch {
    return new RoundApiError(res.status, "error", res.statusText || `HTTP ${res.status}`);
  }
}

export function roundsClient(boardId: string, token: string): RoundsClient {
  const base = `/api/boards/${encodeURIComponent(boardId)}/rounds`;
  const call = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const res = await fetch(`${base}${path}`, {
      method,
      cache: "no-store",
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw await failure(res);
    return res;
  };
  const json = async <T>(method: string, path: string, body?: unknown) => (await (await call(method, path, body)).json()) as T;
  const round = (id: string) => `/${encodeURIComponent(id)}`;

  return {
    start: async (body) => (await json<{ id: string }>("POST", "", body)).id,
    answer: async (roundId, body) => (await json<{ participantId: string }>("PUT", `${round(roundId)}/answers`, body)).participantId,
    view: (roundId) => json<RoundView>("GET", round(roundId)),
    list: async () => (await json<{ rounds: RoundListEntry[] }>("GET", "")).rounds,
    reveal: (roundId) => json<RoundView>("POST", `${round(roundId)}/reveal`),
    close: (roundId) => json<RoundView>("POST", `${round(roundId)}/close`),
    drop: async (roundId, ref) => {
      await call("DELETE", `${round(roundId)}/participants/${encodeURIComponent(ref)}`);
    },
    summary: async (roundId) => (await call("GET", `${round(roundId)}/summary`)).text(),
    spotlight: async (body) => {
      const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/spotlight`, {
        method: body ? "PUT" : "DELETE",
        cache: "no-store",
        headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!res.ok) throw await failure(res);
    },
  };
}
