/** Named and automatic versions: `…/versions`, `…/versions/{vid}`, `…/compare` (README, HTTP API). */
import { z } from "../valuechain/zod";
import type { BoardDiff } from "../valuechain/boardDiff";
import type { BoardFile } from "../valuechain/model";

/** A version as the list shows it, without its contents. */
export interface VersionSummary {
  id: string;
  name: string;
  note: string;
  author: string;
  auto: boolean;
  createdAt: string;
}

/** One side of a comparison: a version id, or the live board. */
export type BoardRef = string;
export const LIVE: BoardRef = "live";

/** `POST …/versions` (editor): saves the live board under a name. */
export const SaveVersionBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  note: z.string().max(5000).optional(),
  author: z.string().trim().min(1).max(100).optional(),
});
export type SaveVersionRequest = z.input<typeof SaveVersionBody>;

/** `PATCH …/versions/{vid}` (editor): renames a version or edits its note. */
export const UpdateVersionBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  note: z.string().max(5000).optional(),
});
export type UpdateVersionRequest = z.input<typeof UpdateVersionBody>;

/** `POST …/versions/{vid}/restore` (editor). */
export const RestoreVersionBody = z.strictObject({
  author: z.string().trim().min(1).max(100).optional(),
  /** false: only save the "before restoring" version and return the file; the browser applies it (undoable). */
  apply: z.boolean().default(true),
});
export type RestoreVersionRequest = z.input<typeof RestoreVersionBody>;

/** What a restore answers: the automatic version of the state before it, and the restored file. */
export interface RestoredVersion {
  restored: string;
  backup: VersionSummary;
  file: BoardFile;
}

/** `GET …/compare?from=…&to=…`: what changed from one side to the other. */
export type CompareResult = BoardDiff & { from: BoardRef; to: BoardRef };
