/** The versions API as the board page calls it (README, HTTP API), through the one API client. */
import type { Board, BoardFile } from "@/lib/valuechain/model";
import { LIVE, type BoardRef, type CompareResult, type RestoredVersion, type SaveVersionRequest, type VersionSummary } from "@/lib/contracts/versions";
import { boardApi } from "@/components/api/client";

export interface VersionsApi {
  list(): Promise<VersionSummary[]>;
  save(fields: SaveVersionRequest): Promise<VersionSummary>;
  rename(versionId: string, name: string): Promise<VersionSummary>;
  remove(versionId: string): Promise<void>;
  /** A version's board, or the live board for LIVE. */
  board(ref: BoardRef): Promise<Board>;
  compare(from: BoardRef, to: BoardRef): Promise<CompareResult>;
  /** Saves the live board as an automatic version and returns the version's file, without applying it. */
  restore(versionId: string, author: string): Promise<RestoredVersion>;
}

export function versionsApi(boardId: string, token: string): VersionsApi {
  const call = boardApi(boardId, token);
  const withoutFormat = ({ format: _format, ...board }: BoardFile): Board => board;
  const version = (id: string) => `/versions/${encodeURIComponent(id)}`;

  return {
    list: async () => (await call<{ versions: VersionSummary[] }>("/versions")).versions,
    save: (fields) => call("/versions", { method: "POST", body: fields }),
    rename: (id, name) => call(version(id), { method: "PATCH", body: { name } }),
    remove: (id) => call(version(id), { method: "DELETE" }),
    board: async (ref) => withoutFormat(await call<BoardFile>(ref === LIVE ? "/export" : version(ref))),
    compare: (from, to) => call(`/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
    restore: (id, author) => call(`${version(id)}/restore`, { method: "POST", body: { author, apply: false } }),
  };
}
