import { ENDPOINTS } from "@/lib/api/endpoints";
import { checkinStream } from "@/lib/checkin/stream";
import { route } from "@/lib/http/api";

export const dynamic = "force-dynamic";

export const GET = route(ENDPOINTS.checkinStream, async ({ ctx, req }) => new Response(
  await checkinStream(ctx, { lastEventId: req.headers.get("last-event-id"), signal: req.signal }),
  { headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store, no-transform", "X-Accel-Buffering": "no" } },
));
