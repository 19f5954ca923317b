import net from "node:net";

/**
 * A TCP forwarder between the browser and the app server, to cut the network for real: `down()`
 * closes the listening port and every open connection (keep-alive ones too), so every request
 * fails — the page's, the service worker's, the QR worker's — as if the server had stopped;
 * `up()` listens again on the same port. Playwright's setOffline alone leaves service-worker
 * fetches through, and context.route does not see them.
 */
export type OutageProxy = { url: string; down: () => Promise<void>; up: () => Promise<void>; close: () => Promise<void> };

export async function startOutageProxy(target: string): Promise<OutageProxy> {
  const t = new URL(target);
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(Number(t.port), t.hostname);
        sockets.add(client);
        sockets.add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on("error", drop).on("close", drop);
        upstream.on("error", drop).on("close", drop);
        client.pipe(upstream);
        upstream.pipe(client);
      });
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });
  const down = async () => {
    const s = server;
    server = null;
    for (const sock of sockets) sock.destroy();
    sockets.clear();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  await listen();
  return { url: `http://127.0.0.1:${port}`, down, up: listen, close: down };
}
