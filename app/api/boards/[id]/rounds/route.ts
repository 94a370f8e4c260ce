import { NextResponse } from "next/server";
import { z } from "zod";
import { getRuntime } from "@/server/runtime";
import { parseBody, rateLimit, requireAccess, route } from "@/server/api/http";
import { ROUND_QUESTIONS } from "@/lib/valuechain/rounds";

type Ctx = { params: Promise<{ id: string }> };

const CreateRound = z.strictObject({
  questions: z.array(z.enum(ROUND_QUESTIONS)).min(1).max(ROUND_QUESTIONS.length),
  // The form offers 10 s at least; the API takes any second from 1 (short rounds in tests).
  timerSeconds: z.number().int().min(1).max(3600).optional(),
  lockEditing: z.boolean().optional(),
  /** Hide what the round asks about on the board while it is open (default: yes). */
  blind: z.boolean().optional(),
});

/** Starts a workshop round (owner): any open round is closed first. */
export const POST = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  await requireAccess(req, id, "owner");
  const body = await parseBody(req, CreateRound);
  // Each start rewrites the workshop state every participant receives: bounded per board.
  await rateLimit(getRuntime().rateLimits.roundStarts, id);
  const roundId = await getRuntime().rounds.create(id, [...new Set(body.questions)], body.timerSeconds ?? null, body.lockEditing ?? false, body.blind ?? true);
  return NextResponse.json({ id: roundId }, { status: 201 });
});

/** Past and current rounds, newest first (any role). */
export const GET = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  await requireAccess(req, id, "viewer");
  return NextResponse.json({ rounds: await getRuntime().rounds.list(id) });
});
