import { NextResponse } from "next/server";
import { getRuntime } from "@/server/runtime";
import { parseBody, rateLimit, requireAccess, route } from "@/server/api/http";
import { CreateRoundBody, type CreatedRound, type RoundListEntry } from "@/lib/contracts/rounds";

type Ctx = { params: Promise<{ id: string }> };

/** Starts a workshop round (owner): any open round is closed first. */
export const POST = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  await requireAccess(req, id, "owner");
  const body = await parseBody(req, CreateRoundBody);
  // Each start rewrites the workshop state every participant receives: bounded per board.
  await rateLimit(getRuntime().rateLimits.roundStarts, id);
  const roundId = await getRuntime().rounds.create(id, [...new Set(body.questions)], body.timerSeconds ?? null, body.lockEditing ?? false, body.blind ?? true);
  return NextResponse.json({ id: roundId } satisfies CreatedRound, { status: 201 });
});

/** Past and current rounds, newest first (any role). */
export const GET = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  await requireAccess(req, id, "viewer");
  return NextResponse.json({ rounds: await getRuntime().rounds.list(id) } satisfies { rounds: RoundListEntry[] });
});
