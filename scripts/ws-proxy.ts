import net from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

/**
 * WebSocket-to-TCP proxy that lets the Neon serverless driver talk to a local Postgres in tests:
 * the driver connects to ws://127.0.0.1:PORT/v1?address=host:port and we pipe to that TCP socket.
 * Only loopback targets are allowed.
 */
export async function startWsProxy(port = 0): Promise<{ port: number; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ host: "127.0.0.1", port });
  wss.on("connection", (ws: WebSocket, req) => {
    const address = new URL(req.url ?? "/", "http://x").searchParams.get("address") ?? "";
    const m = /^(127\.0\.0\.1|localhost):(\d+)$/.exec(address);
    if (!m) {
      ws.close(1008, "only loopback targets");
      return;
    }
    const socket = net.connect(Number(m[2]), "127.0.0.1");
    const pending: Buffer[] = [];
    let open = false;
    socket.on("connect", () => {
      open = true;
      for (const chunk of pending) socket.write(chunk);
      pending.length = 0;
    });
    ws.on("message", (data: Buffer) => (open ? socket.write(data) : pending.push(Buffer.from(data))));
    socket.on("data", (data) => ws.readyState === ws.OPEN && ws.send(data));
    const closeBoth = () => {
      socket.destroy();
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close();
    };
    socket.on("close", closeBoth);
    socket.on("error", closeBoth);
    ws.on("close", closeBoth);
    ws.on("error", closeBoth);
  });
  await new Promise<void>((resolve, reject) => {
    wss.once("listening", () => resolve());
    wss.once("error", reject);
  });
  const addr = wss.address() as net.AddressInfo;
  return {
    port: addr.port,
    close: () => new Promise<void>((resolve) => {
      for (const c of wss.clients) c.terminate();
      wss.close(() => resolve());
    }),
  };
}
