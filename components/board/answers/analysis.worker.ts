/**
 * Works out the answers to the eight questions off the page's main thread: on a board of a
 * thousand players that takes a good part of a tenth of a second, which would otherwise stall
 * the canvas after every edit. Plain boards in, plain answers out (lib/valuechain).
 */
import { analyzeBoard } from "@/lib/valuechain/answers";
import type { Board } from "@/lib/valuechain/model";

self.onmessage = (event: MessageEvent<{ id: number; board: Board }>) => {
  const { id, board } = event.data;
  self.postMessage({ id, answers: analyzeBoard(board) });
};
