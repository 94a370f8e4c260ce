/** Boards and their links: `POST /api/boards`, `POST /api/boards/import`, `…/tokens` (PRODUCT.md, HTTP). */
import { z } from "../valuechain/zod";

/** `POST /api/boards`: a blank board unless a template is named. */
export const CreateBoardBody = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  template: z.string().optional(),
});
export type CreateBoardRequest = z.input<typeof CreateBoardBody>;

/**
 * `POST /api/boards/{id}/duplicate` (editor): a new board with the same content and its own
 * links; `asTemplate` leaves the workshop rounds and the comment threads behind.
 */
export const DuplicateBoardBody = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  asTemplate: z.boolean().default(false),
});
export type DuplicateBoardRequest = z.input<typeof DuplicateBoardBody>;

/** 201 of create, import and duplicate: the board and its three links' tokens, shown this once. */
export interface CreatedBoard {
  id: string;
  title: string;
  ownerToken: string;
  editToken: string;
  viewToken: string;
}

/**
 * `GET …/tokens`: the links a role may give out, as tokens: the owner the edit and view links,
 * an editor and a viewer the view link. Null where the server cannot tell (a board made before
 * links were kept sealed, until the owner replaces that link).
 */
export type ShareableTokens = { role: "owner"; editToken: string | null; viewToken: string | null } | { role: "editor" | "viewer"; viewToken: string | null };

/** `POST …/tokens` (owner): which links to replace; edit and view when none is named. */
export const RotateTokensBody = z.strictObject({
  roles: z.array(z.enum(["owner", "editor", "viewer"])).min(1).max(3).default(["editor", "viewer"]),
});
export type RotateTokensRequest = z.input<typeof RotateTokensBody>;

/** The new tokens of the replaced links, and how many connections the old ones had open. */
export interface RotatedTokens {
  editToken?: string;
  viewToken?: string;
  /** Only when the owner link was replaced: the caller's page goes on with it. */
  ownerToken?: string;
  closedConnections: number;
}
