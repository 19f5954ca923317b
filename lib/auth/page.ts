import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { Ctx, UserActor } from "@/lib/context";
import { getLocale } from "@/lib/i18n/server";
import { loadSessionActor } from "./actor";
import type { Permission } from "./permissions";
import { readSession } from "./session";

/** The context of a page or server action: the signed-in user re-read from the database, or anonymous. */
export async function getPageCtx(): Promise<Ctx> {
  const [{ db }, jar, h, locale] = await Promise.all([getDb(), cookies(), headers(), getLocale()]);
  const cookieHeader = jar.getAll().map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join("; ");
  const session = await readSession(cookieHeader);
  const actor = session ? await loadSessionActor(db, session.userId, session.issuedAt) : null;
  return {
    db, actor: actor ?? { kind: "anonymous" }, now: new Date(), locale,
    requestId: h.get("x-request-id") ?? undefined, ip: h.get("x-ocop-client-ip") ?? undefined,
  };
}

/**
 * For pages: anonymous → redirect to sign-in (coming back afterwards); signed in without the
 * permission → the 403 page. The domain functions the page calls check again.
 */
export async function requirePageUser(permission: Permission, callbackPath: string): Promise<{ ctx: Ctx; me: UserActor }> {
  const ctx = await getPageCtx();
  if (ctx.actor.kind !== "user") redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  if (!ctx.actor.permissions.has(permission)) forbidden();
  return { ctx, me: ctx.actor };
}
