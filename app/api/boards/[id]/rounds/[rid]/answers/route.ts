import { NextResponse } from "next/server";
import { getRuntime } from "@/server/runtime";
import { parseBody, requireAccess, route } from "@/server/api/http";
import { PutAnswersBody, type AnswerReceipt } from "@/lib/contracts/rounds";

/**
 * A participant's private answers (editor or owner). The first call issues a participantId;
 * sending it again replaces that participant's answers, so a reload never answers twice.
 */
export const PUT = route(async (req: Request, ctx: { params: Promise<{ id: string; rid: string }> }) => {
  const { id, rid } = await ctx.params;
  await requireAccess(req, id, "editor");
  const body = await parseBody(req, PutAnswersBody);
  const participantId = await getRuntime().rounds.answer(id, rid, body.participantId, body.participant, body.answers);
  return NextResponse.json({ participantId } satisfies AnswerReceipt);
});
