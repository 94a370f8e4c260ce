import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { channelsOf, metaOf, playersOf, readBoard } from "@/lib/collab/boardDoc";
import type { Board } from "@/lib/valuechain/model";

/**
 * The plain board of a document, kept current. Other people's changes are re-read once per
 * animation frame however many arrive; this person's own changes are re-read at once, so a
 * drag that ends or a field being typed into never shows a stale value for a frame.
 */
export function useBoard(doc: Y.Doc): Board {
  const [board, setBoard] = useState(() => readBoard(doc));
  useEffect(() => {
    let frame = 0;
    const reread = () => {
      frame = 0;
      setBoard(readBoard(doc));
    };
    const onChange = (_events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
      if (transaction.local) {
        if (frame) cancelAnimationFrame(frame);
        reread();
      } else if (!frame) {
        frame = requestAnimationFrame(reread);
      }
    };
    const shared = [metaOf(doc), playersOf(doc), channelsOf(doc)];
    for (const type of shared) type.observeDeep(onChange);
    // The document may have changed between the first render and this subscription.
    reread();
    return () => {
      for (const type of shared) type.unobserveDeep(onChange);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [doc]);
  return board;
}
