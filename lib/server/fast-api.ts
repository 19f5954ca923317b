import type http from "node:http";
import { Readable } from "node:stream";
import { postCheckin } from "@/lib/api/handlers/checkin";

type WebHandler = (req: Request) => Promise<Response>;

/**
 * The doors' hot path — a badge scan, hundreds a second when the hall opens — is answered by the
 * custom server directly instead of through Next's router. It is the same handler as
 * app/api/v1/checkins/route.ts (the `route()` wrapper: actor, permission, origin check, zod,
 * problem+json; then redeemBadge), and the server's request id, client address, security headers
 * and request log apply as for any request. FAST_API=off sends everything through Next.
 */
const FAST: Record<string, WebHandler> = {
  "POST /api/v1/checkins": (req) => postCheckin(req),
};

export function fastApiHandler(method: string | undefined, path: string): ((req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) | null {
  if (process.env.FAST_API === "off") return null;
  const handler = FAST[`${method} ${path}`];
  return handler ? (req, res) => serve(handler, req, res) : null;
}

async function serve(handler: WebHandler, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === "string") headers.set(k, v);
    else if (Array.isArray(v)) for (const x of v) headers.append(k, x);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  // The body stays a stream: the handler reads it with its own size limit.
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
    method: req.method, headers, body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined, duplex: "half",
  } as RequestInit & { duplex: "half" });
  const response = await handler(request);
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  response.headers.forEach((value, key) => res.setHeader(key, value));
  res.setHeader("Content-Length", body.length);
  res.end(body);
}
