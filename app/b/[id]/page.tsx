import type { Metadata } from "next";
import { headers } from "next/headers";
import { getRuntime } from "@/server/runtime";
import { CLIENT_ADDRESS_HEADER } from "@/server/http/clientAddress";
import { AccessProblem } from "@/components/AccessProblem";
import { BoardLoader } from "@/components/board/BoardLoader";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Board · Chainboard", referrer: "no-referrer" };

export default async function BoardPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ t?: string | string[] }>;
}) {
  const { id } = await params;
  const { t } = await searchParams;
  const token = Array.isArray(t) ? t[0] : t;
  const { boards, rateLimits } = getRuntime();
  if (!token) return <AccessProblem kind="missing-token" />;
  // A blocked address never gets here (server/index.ts answers 429); a wrong link counts
  // against it like a wrong token on the API, or the page would be the way to guess tokens.
  const access = await boards.resolve(id, token);
  if (!access) {
    const refusal = await rateLimits.authFailures.take((await headers()).get(CLIENT_ADDRESS_HEADER) ?? "unknown");
    return <AccessProblem kind={refusal ? "too-many-attempts" : "bad-token"} />;
  }
  return <BoardLoader boardId={id} token={token} role={access.role} />;
}
