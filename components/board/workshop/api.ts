/**
 * The workshop rounds API as the board page calls it (PRODUCT.md, "Workshop rounds"), through
 * the one API client: every call carries the board token, and a failure is an ApiRequestError
 * whose `code` names it (round_closed, unknown_participant…).
 */
import { boardApi } from "@/components/api/client";
import type { AnswerReceipt, CreatedRound, CreateRoundRequest, PutAnswersRequest, RoundListEntry, RoundView, SpotlightRequest } from "@/lib/contracts/rounds";

export interface RoundsClient {
  start(body: CreateRoundRequest): Promise<string>;
  answer(roundId: string, body: PutAnswersRequest): Promise<string>;
  view(roundId: string): Promise<RoundView>;
  list(): Promise<RoundListEntry[]>;
  reveal(roundId: string): Promise<RoundView>;
  close(roundId: string): Promise<RoundView>;
  drop(roundId: string, ref: string): Promise<void>;
  summary(roundId: string): Promise<string>;
  /** The facilitator's spotlight (owner): the server writes it, nobody else can (R-WORKSHOP). */
  spotlight(body: SpotlightRequest | null): Promise<void>;
}

export function roundsClient(boardId: string, token: string): RoundsClient {
  const call = boardApi(boardId, token);
  const round = (id: string) => `/rounds/${encodeURIComponent(id)}`;

  return {
    start: async (body) => (await call<CreatedRound>("/rounds", { method: "POST", body })).id,
    answer: async (roundId, body) => (await call<AnswerReceipt>(`${round(roundId)}/answers`, { method: "PUT", body })).participantId,
    view: (roundId) => call(round(roundId)),
    list: async () => (await call<{ rounds: RoundListEntry[] }>("/rounds")).rounds,
    reveal: (roundId) => call(`${round(roundId)}/reveal`, { method: "POST" }),
    close: (roundId) => call(`${round(roundId)}/close`, { method: "POST" }),
    drop: (roundId, ref) => call(`${round(roundId)}/participants/${encodeURIComponent(ref)}`, { method: "DELETE" }),
    summary: (roundId) => call(`${round(roundId)}/summary`),
    spotlight: (body) => call("/spotlight", body ? { method: "PUT", body } : { method: "DELETE" }),
  };
}
