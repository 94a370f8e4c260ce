/**
 * What a new board starts as (`POST /api/boards`): a template's content, blank unless one is
 * named, under the title asked for or the template's own.
 */
import type { Board } from "../../lib/valuechain/model";
import { TEMPLATES } from "../../lib/valuechain/templates";
import type { BoardErrorReason } from "../../lib/contracts/errors";

export class UnknownTemplateError extends Error {
  readonly reason: BoardErrorReason = "unknown_template";
  readonly path = "template";
}

export function seedBoard(templateId = "blank", title?: string): Board {
  // Own keys only: "__proto__" or "toString" must read as unknown, not as Object's members.
  const template = Object.hasOwn(TEMPLATES, templateId) ? TEMPLATES[templateId as keyof typeof TEMPLATES] : undefined;
  if (!template) throw new UnknownTemplateError(`Unknown template "${templateId}". Known: ${Object.keys(TEMPLATES).join(", ")}.`);
  // The blank template's title is DEFAULT_BOARD_TITLE ("Untitled board").
  return { ...template.board, title: title ?? template.board.title };
}
