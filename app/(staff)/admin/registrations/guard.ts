import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getPageCtx } from "@/lib/auth/page";
import type { Ctx, UserActor } from "@/lib/context";

/** The delegates' pages are open to registrations.read (everyone) and registrations.unit (the domain limits them to their unit). */
export async function requireRegistrationsReader(callbackPath: string): Promise<{ ctx: Ctx; me: UserActor }> {
  const ctx = await getPageCtx();
  if (ctx.actor.kind !== "user") redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  const p = ctx.actor.permissions;
  if (!p.has("registrations.read") && !p.has("registrations.unit")) forbidden();
  return { ctx, me: ctx.actor };
}
