import { ApiRequestError } from "@/components/api/client";

/** The file name a board downloads as: its title, made safe for every file system. */
export function boardFileName(title: string, extension: string): string {
  const stem = title.replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "board";
  return `${stem}.${extension}`;
}

/** Saves a blob under `name` through the browser's download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken the blob by the time the click returns; a beat later is safe to free.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads the live board as its `chainboard/v1` file, the same bytes as GET …/export. */
export async function downloadBoardFile(boardId: string, token: string, title: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/export`, { headers: { authorization: `Bearer ${token}` }, cache: "no-store" });
  } catch {
    throw new ApiRequestError(0, "unreachable", "The server cannot be reached, so the file cannot be made. Try again when you are back online.");
  }
  if (!res.ok) throw new ApiRequestError(res.status, "error", `The board file could not be made (the server answered ${res.status}).`);
  saveBlob(await res.blob(), boardFileName(title, "chainboard.json"));
}
