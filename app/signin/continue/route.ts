import { homePath } from "@/components/staff/nav";
import { getPageCtx } from "@/lib/auth/page";

/** After signing in without a callback: the role's home (/admin for the console roles, else /account). */
export async function GET() {
  const ctx = await getPageCtx();
  const target = ctx.actor.kind === "user" ? homePath(ctx.actor.permissions) : "/signin";
  // A relative Location: correct behind any proxy, whatever Host the server sees.
  return new Response(null, { status: 303, headers: { Location: target, "Cache-Control": "no-store" } });
}
