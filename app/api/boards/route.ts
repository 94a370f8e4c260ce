import { NextResponse } from "next/server";
import { z } from "zod";
import { getRuntime } from "@/server/runtime";
import { ApiError, clientOf, rateLimit, readJson, route } from "@/server/api/http";
import { TEMPLATES } from "@/lib/valuechain/templates";

const CreateBoard = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  template: z.string().optional(),
});

export const POST = route(async (req: Request) => {
  await rateLimit(getRuntime().rateLimits.boardCreates, clientOf(req));
  const parsed = CreateBoard.safeParse(await readJson(req));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(400, "invalid_request", issue.message, issue.path.join("."));
  }
  const templateId = parsed.data.template ?? "blank";
  // Own keys only: "__proto__" or "toString" must read as unknown, not as Object's members.
  const template = Object.hasOwn(TEMPLATES, templateId) ? TEMPLATES[templateId as keyof typeof TEMPLATES] : undefined;
  if (!template) {
    throw new ApiError(400, "unknown_template", `Unknown template "${templateId}". Known: ${Object.keys(TEMPLATES).join(", ")}.`, "template");
  }
  const title = parsed.data.title ?? (templateId === "blank" ? "Untitled board" : template.board.title);
  const created = await getRuntime().boards.create({ ...template.board, title });
  return NextResponse.json(created, { status: 201 });
});
