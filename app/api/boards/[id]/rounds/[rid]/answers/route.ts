import { NextResponse } from "next/server";
import { z } from "zod";
import { getRuntime } from "@/server/runtime";
import { parseBody, requireAccess, route } from "@/server/api/http";
import { roundCall } from "@/server/api/roundErrors";
import { ParticipantSchema, RoundAnswersSchema } from "@/lib/valuechain/rounds";

const PutAnswers = z.strictObject({
  participantId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional(),
  participant: ParticipantSchema,
  answers: RoundAnswersSchema,
});

/**
 * A participant's private answers (editor or owner). The first call issues a participantId;
 * sending it again replaces that participant's answers, so a reload never answers twice.
 */
export const PUT = route(async (req: Request, ctx: { params: Promise<{ id: string; rid: string }> }) => {
  const { id, rid } = await ctx.params;
  await requireAccess(req, id, "editor");
  const body = await parseBody(req, PutAnswers);
  const participantId = await roundCall(getRuntime().rounds.answer(id, rid, body.participantId, body.participant, body.answers));
  return NextResponse.json({ participantId });
});
