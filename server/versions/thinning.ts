/**
 * Which automatic versions to delete so storage does not grow without bound on a busy
 * board: keep the newest KEEP_LATEST automatic versions, plus the newest automatic version
 * of every calendar day (UTC). Named versions are never thinned.
 */
export const KEEP_LATEST = 20;

export interface AutoVersion {
  id: string;
  createdAt: Date;
}

export function autoVersionsToDelete(autos: AutoVersion[], keepLatest = KEEP_LATEST): string[] {
  const newestFirst = [...autos].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
  const keep = new Set(newestFirst.slice(0, keepLatest).map((v) => v.id));
  const days = new Set<string>();
  for (const v of newestFirst) {
    const day = v.createdAt.toISOString().slice(0, 10);
    if (!days.has(day)) {
      days.add(day);
      keep.add(v.id);
    }
  }
  return newestFirst.filter((v) => !keep.has(v.id)).map((v) => v.id);
}
