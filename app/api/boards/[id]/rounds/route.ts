import { NextResponse } from "next/server";
import { z } from "zod";
import { getRuntime } from "@/server/runtime";
import { parseBody, requireAccess, route } from "@/server/api/http";
import { ROUND_QUESTIONS } from "@/lib/valuechain/rounds";

type Ctx = { params: Promise<{ id: string }> };

const CreateRound = z.strictObject({
  questions: z.array(z.enum(ROUND_QUESTIONS)).min(1).max(ROUND_QUESTIONS.length),
  timerSeconds: z.number().int().min(10).max(3600).optional(),
  lockEditing: z.boolean().optional(),
});

/** Starts a workshop round (owner): any open round is closed first. */
export const POST = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  await requireAccess(req, id, "owner");
  const body = await parseBody(req, CreateRound);
  const roundId = await getRuntime().rounds.create(id, [...new Set(body.questions)], body.timerSeconds ?? null, body.lockEditing ?? false);
  return NextResponse.json({ id: roundId }, { status: 201 });
});

/** Past and current rounds, newest first (any role). */
export const GET = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  await requireAccess(req, id, "viewer");
  return NextResponse.json({ rounds: await getRuntime().rounds.list(id) });
});
