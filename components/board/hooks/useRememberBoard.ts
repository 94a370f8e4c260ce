import { useEffect } from "react";
import { boardLink, rememberBoard } from "@/components/home/recentBoards";
import { useSession } from "./useSession";

/** Keeps this board in the browser's list of boards (home page), with its current title. */
export function useRememberBoard(title: string): void {
  const { boardId, token, role } = useSession();
  useEffect(() => {
    rememberBoard({ id: boardId, title, role, link: boardLink(window.location.origin, boardId, token), lastOpened: new Date().toISOString() });
  }, [boardId, token, role, title]);
}
