import NextAuth from "next-auth";
import { getDb } from "@/db/client";
import { assertNotThrottled } from "@/lib/auth/throttle";
import { authOptions } from "@/lib/auth/next-auth";
import { requestLocale } from "@/lib/http/locale";
import { toProblemResponse } from "@/lib/http/problem";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

function handler(req: Request, context: RouteContext) {
  return (NextAuth(authOptions()) as (req: Request, context: RouteContext) => Promise<Response>)(req, context);
}

export const GET = handler;

/**
 * Throttled sign-in: a credentials callback from an account or client over its limit is refused
 * with 429 problem+json and Retry-After before the password is even checked.
 */
export async function POST(req: Request, context: RouteContext) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await req.clone().formData().catch(() => null);
    const email = String(form?.get("email") ?? "");
    try {
      const { db } = await getDb();
      await assertNotThrottled(db, email, req.headers.get("x-ocop-client-ip") ?? undefined);
    } catch (e) {
      return toProblemResponse(e, requestLocale(req.headers), req.headers.get("x-request-id") ?? undefined);
    }
  }
  return handler(req, context);
}
