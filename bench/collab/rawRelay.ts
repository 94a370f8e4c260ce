/**
 * The floor of the collaboration benchmark: a websocket server that forwards every binary frame
 * to the other sockets on the same path and does nothing else (no document, no sync, no auth,
 * no storage). Run as its own process: `node --import tsx bench/collab/rawRelay.ts` with PORT.
 */
import { WebSocketServer, type WebSocket } from "ws";

const port = Number(process.env.PORT ?? 0);
const rooms = new Map<string, Set<WebSocket>>();
const wss = new WebSocketServer({ host: "127.0.0.1", port, perMessageDeflate: false });
wss.on("connection", (ws, req) => {
  const path = req.url ?? "/";
  const room = rooms.get(path) ?? new Set<WebSocket>();
  rooms.set(path, room);
  room.add(ws);
  ws.on("message", (data, isBinary) => {
    for (const peer of room) if (peer !== ws && peer.readyState === peer.OPEN) peer.send(data, { binary: isBinary });
  });
  ws.on("close", () => {
    room.delete(ws);
    if (!room.size) rooms.delete(path);
  });
});
wss.on("listening", () => console.log(`raw relay listening on ${port}`));
process.on("SIGTERM", () => wss.close(() => process.exit(0)));
