import { apiRequest, ApiRequestError } from "@/components/api/client";
import { adoptCreatedBoard } from "@/components/home/adoptCreatedBoard";
import type { BoardLinks } from "@/components/home/recentBoards";
import type { CreatedBoard } from "@/lib/contracts/boards";

/** Files above this are refused before upload: the server's default MAX_BODY_BYTES would refuse them anyway. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

export type ImportResult = { ok: true; links: BoardLinks } | { ok: false; message: string };

/**
 * Sends a `chainboard/v1` file to POST /api/boards/import and keeps the new board's links.
 * The server validates; its message names the path of the first problem ("players[2].kind: …").
 */
export async function importBoardFile(file: File): Promise<ImportResult> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a board file is at most 8 MB.` };
  let body: unknown;
  try {
    body = JSON.parse(await file.text());
  } catch (error) {
    return { ok: false, message: `${file.name} is not a Chainboard file: it is not valid JSON (${(error as Error).message}).` };
  }
  try {
    const board = await apiRequest<CreatedBoard>("/api/boards/import", { method: "POST", body });
    return { ok: true, links: adoptCreatedBoard(board) };
  } catch (error) {
    if (error instanceof ApiRequestError) {
      // The server's message starts with the path of the first problem ("players[2].kind: …").
      return { ok: false, message: `${file.name} was not imported. ${error.message.replace(/\.?$/, ".")} Nothing was created.` };
    }
    throw error;
  }
}
