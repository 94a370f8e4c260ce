import type { CreatedBoard } from "@/lib/contracts/boards";
import { boardLink, rememberBoard, saveBoardLinks, type BoardLinks } from "./recentBoards";

/**
 * Keeps a board this browser just made (created, imported or duplicated): its three links,
 * and its place at the top of the recent boards. Returns the links; the owner link opens it.
 */
export function adoptCreatedBoard(board: CreatedBoard): BoardLinks {
  const origin = window.location.origin;
  const links = { owner: boardLink(origin, board.id, board.ownerToken), edit: boardLink(origin, board.id, board.editToken), view: boardLink(origin, board.id, board.viewToken) };
  saveBoardLinks(board.id, links);
  rememberBoard({ id: board.id, title: board.title, role: "owner", link: links.owner, lastOpened: new Date().toISOString() });
  return links;
}
