/**
 * Automatic versions: one when the last participant leaves a board that changed, and at
 * most one an hour while a board keeps changing. Automatic versions are thinned on save.
 */
import type { Logger } from "pino";
import type { Room } from "../collab/room";
import type { RoomHooks } from "../collab/rooms";
import type { VersionService } from "./versionService";

export const HOUR_MS = 3600_000;

interface Tracked {
  dirty: boolean;
  lastAutoAt: number;
  onUpdate: () => void;
}

export function autoVersionHooks(versions: VersionService, log: Logger, intervalMs = HOUR_MS): RoomHooks {
  const tracked = new Map<Room, Tracked>();
  const save = (room: Room, t: Tracked, name: string) => {
    t.dirty = false;
    t.lastAutoAt = Date.now();
    versions.saveFromRoom(room, { name, author: "Chainboard", auto: true }).catch((err) => log.error({ err, boardId: room.boardId }, "automatic version failed"));
  };
  return {
    loaded(room) {
      const t: Tracked = {
        dirty: false,
        lastAutoAt: Date.now(),
        onUpdate: () => {
          t.dirty = true;
          if (Date.now() - t.lastAutoAt >= intervalMs) save(room, t, "Automatic — hourly");
        },
      };
      tracked.set(room, t);
      room.doc.on("update", t.onUpdate);
    },
    empty(room) {
      const t = tracked.get(room);
      if (t?.dirty) save(room, t, "Automatic — after everyone left");
    },
    unloaded(room) {
      const t = tracked.get(room);
      if (t) room.doc.off("update", t.onUpdate);
      tracked.delete(room);
    },
  };
}
