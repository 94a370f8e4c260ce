import { getRuntime } from "@/server/runtime";
import { ApiError, clientOf, rateLimit, requireAccess, route } from "@/server/api/http";
import { reportKey } from "@/server/limits/keys";
import { buildReport, type ReportInput } from "@/lib/report/reportModel";
import { renderReportHtml } from "@/lib/report/reportHtml";

const FORMATS = ["html", "pdf"] as const;

/** A file name from a board title, safe for every file system and for the header. */
function fileName(title: string, extension: string): string {
  const stem = title.replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "board";
  return `${stem}.${extension}`;
}

/** `attachment; filename="ascii"; filename*=UTF-8''utf-8` (RFC 6266), so accented titles survive. */
function disposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The last revealed (or closed, which reveals) workshop round, as the report shows it. */
async function lastRound(boardId: string): Promise<ReportInput["lastRound"]> {
  const { rounds } = getRuntime();
  const last = (await rounds.list(boardId)).find((r) => r.status !== "open");
  if (!last) return null;
  const view = await rounds.view(boardId, last.id);
  if (!view.scores) return null;
  return {
    createdAt: view.createdAt,
    status: view.status,
    questions: view.questions,
    participants: view.answered.map((p) => ({ name: p.name, function: p.function })),
    scores: view.scores,
  };
}

/**
 * The board's report (viewer): `?format=html` (default) a self-contained page, `pdf` the same
 * page rendered by Chromium; `?since={versionId}` adds the changes since that version. The
 * page's Content-Security-Policy is the report's own (server/http/securityHeaders.ts), set by
 * server/index.ts before Next answers: no script, inline styles, data: images only.
 */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  await requireAccess(req, id, "viewer");
  const params = new URL(req.url).searchParams;
  const format = params.get("format") || "html";
  if (!(FORMATS as readonly string[]).includes(format)) throw new ApiError(400, "invalid_request", `format must be html or pdf, not "${format.slice(0, 40)}".`, "format");
  const sinceId = params.get("since") || null;
  const { live, versions, rateLimits, pdf } = getRuntime();
  await rateLimit(rateLimits.reports, reportKey(id, clientOf(req)));

  const since = sinceId
    ? await (async () => {
        const [board, list] = await Promise.all([versions.board(id, sinceId), versions.list(id)]);
        const version = list.find((v) => v.id === sinceId);
        return { version: { id: sinceId, name: version?.name ?? sinceId, createdAt: version?.createdAt ?? "" }, board };
      })()
    : null;
  const [board, round] = await Promise.all([live.read(id), lastRound(id)]);
  const report = buildReport({ board, generatedAt: new Date(), connected: live.connected(id), lastRound: round, since });
  const html = renderReportHtml(report);

  if (format === "html") {
    return new Response(html, {
      headers: {
        "content-type": "text/html; charset=utf-8",
        "content-disposition": disposition("inline", fileName(report.title, "html")),
      },
    });
  }
  const bytes = await pdf.render(html, { title: report.title });
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": disposition("attachment", fileName(report.title, "pdf")),
      "content-length": String(bytes.byteLength),
    },
  });
});
