import { promisify } from "node:util";
import zlib from "node:zlib";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { checkinRoster } from "@/lib/checkin";
import { route } from "@/lib/http/api";

const gzip = promisify(zlib.gzip);

export const GET = route(ENDPOINTS.checkinRoster, async ({ ctx, query, req }) => {
  const json = JSON.stringify(await checkinRoster(ctx, query));
  const headers: Record<string, string> = { "Content-Type": "application/json", "Cache-Control": "no-store", Vary: "Accept-Encoding" };
  // 20,000 delegates are ~3 MB of JSON and ~0.5 MB gzipped: compress here, whatever serves us.
  if (/\bgzip\b/.test(req.headers.get("accept-encoding") ?? "") && json.length > 1024) {
    return new Response(new Uint8Array(await gzip(json, { level: 6 })), { headers: { ...headers, "Content-Encoding": "gzip" } });
  }
  return new Response(json, { headers });
});
