import { createContext, useContext } from "react";

/** What cards and channels need to know of the comments: open threads per id, and how to open them. */
export interface CommentsLink {
  counts: ReadonlyMap<string, number>;
  /** Opens the Comments tab on the threads of this player or channel. */
  openFor(id: string): void;
}

const NONE: CommentsLink = { counts: new Map(), openFor: () => {} };
export const CommentsContext = createContext<CommentsLink>(NONE);
export const useCommentCount = (id: string) => useContext(CommentsContext).counts.get(id) ?? 0;
export const useOpenComments = () => useContext(CommentsContext).openFor;
