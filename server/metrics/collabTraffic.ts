/**
 * What one websocket frame adds to the traffic counters. The message type is the frame's
 * leading varUint; every type the protocol knows is below 128, so it is the first byte, and a
 * first byte with the continuation bit set is some unknown type ("other").
 */
import { MessageType } from "../../lib/collab/protocol";
import { bytesIn, bytesOut, closesByCode, messagesIn, messagesOut, relayLag, type MessageTypeLabel } from "./metrics";

const LABEL_BY_TYPE = new Map<number, MessageTypeLabel>([
  [MessageType.sync, "sync"],
  [MessageType.awareness, "awareness"],
  [MessageType.queryAwareness, "query_awareness"],
  [MessageType.saveRequest, "save_request"],
  [MessageType.saved, "saved"],
]);

export function messageTypeLabel(frame: Uint8Array): MessageTypeLabel {
  return (frame.length && LABEL_BY_TYPE.get(frame[0])) || "other";
}

export function countReceived(frame: Uint8Array): void {
  messagesIn.inc({ type: messageTypeLabel(frame) });
  bytesIn.inc(frame.length);
}

export function countSent(frame: Uint8Array): void {
  messagesOut.inc({ type: messageTypeLabel(frame) });
  bytesOut.inc(frame.length);
}

/** Codes come from CloseCode (a fixed set), so the label stays bounded. */
export function countClose(code: number): void {
  closesByCode.inc({ code: String(code) });
}

/** An update that arrived at `arrivedAt` (performance.now()) has been relayed to this process's connections. */
export function countLocalRelay(arrivedAt: number): void {
  relayLag.observe({ path: "local" }, (performance.now() - arrivedAt) / 1000);
}
