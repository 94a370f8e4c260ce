import type { Metadata } from "next";
import { getRuntime } from "@/server/runtime";
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
  const { boards } = getRuntime();
  if (!token) return <AccessProblem kind="missing-token" />;
  const access = await boards.resolve(id, token);
  if (!access) return <AccessProblem kind="bad-token" />;
  return <BoardLoader boardId={id} token={token} role={access.role} />;
}
