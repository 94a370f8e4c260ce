/**
 * A plain TCP load balancer for tests of the scaled-out mode: round robin over the backends,
 * no sticky sessions, and a backend that refuses a connection is skipped (what a load balancer's
 * health check does, faster). Clients that lose their process reconnect through it to another.
 */
import net from "node:net";

export interface Balancer {
  port: number;
  url: string;
  wsUrl: string;
  close(): Promise<void>;
}

export async function startBalancer(backendPorts: number[]): Promise<Balancer> {
  let next = 0;
  const sockets = new Set<net.Socket>();
  const connect = (client: net.Socket, tries: number): void => {
    if (tries >= backendPorts.length) return void client.destroy();
    const port = backendPorts[next++ % backendPorts.length];
    const upstream = net.connect(port, "127.0.0.1");
    sockets.add(upstream);
    let connected = false;
    upstream.once("connect", () => {
      connected = true;
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
    upstream.on("error", () => {
      // Refused: that backend is down, try the next one.
      if (!connected) connect(client, tries + 1);
    });
    upstream.on("close", () => {
      sockets.delete(upstream);
      if (connected) client.destroy();
    });
    client.on("close", () => upstream.destroy());
  };
  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => client.destroy());
    connect(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
