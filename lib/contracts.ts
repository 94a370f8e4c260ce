/**
 * Shapes the HTTP API returns that the browser reads as they are: declared here, once, so that
 * the route handlers' services and the browser share them without the browser importing
 * server/ (docs/ARCHITECTURE.md).
 */

/** A version as `GET /api/boards/{id}/versions` lists it (without its contents). */
export interface VersionSummary {
  id: string;
  name: string;
  note: string;
  author: string;
  auto: boolean;
  createdAt: string;
}

/**
 * The links a role may give out, as tokens (`GET /api/boards/{id}/tokens`): the owner the edit
 * and view links, an editor and a viewer the view link. Null where the server cannot tell (a
 * board made before links were kept sealed, until the owner replaces that link).
 */
export type ShareableTokens = { role: "owner"; editToken: string | null; viewToken: string | null } | { role: "editor" | "viewer"; viewToken: string | null };
