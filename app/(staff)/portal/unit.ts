import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { withQuery } from "@/components/staff/search-params";
import { getPageCtx } from "@/lib/auth/page";
import { unitScope } from "@/lib/auth/require";
import type { Ctx, UserActor } from "@/lib/context";
import { isDomainError } from "@/lib/errors";
import { getRegistration } from "@/lib/registration/manage";
import type { RegistrationView } from "@/lib/registration/schemas";
import type { Unit } from "@/lib/registration/delegation";

/**
 * The portal is for province and ministry officers (registrations.unit: always their own unit);
 * organisers (registrations.manage) may open it for a unit they name with ?unit=province:22.
 */
export async function requirePortalUser(callbackPath: string): Promise<{ ctx: Ctx; me: UserActor }> {
  const ctx = await getPageCtx();
  if (ctx.actor.kind !== "user") redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  const p = ctx.actor.permissions;
  if (!p.has("registrations.unit") && !p.has("registrations.manage")) forbidden();
  return { ctx, me: ctx.actor };
}

const UNIT = /^(province|ministry):([a-z0-9]{1,10})$/;

/** A province or ministry officer: always their own unit. */
export function isUnitOfficer(me: UserActor | null): boolean {
  return Boolean(me && unitScope(me));
}

/** The unit an organiser asked for ("province:22"); officers never choose (the domain uses theirs). */
export function askedUnit(me: UserActor | null, raw: unknown): Unit | undefined {
  if (!me || isUnitOfficer(me)) return undefined;
  const m = typeof raw === "string" ? UNIT.exec(raw) : null;
  return m ? { kind: m[1] as Unit["kind"], code: m[2]! } : undefined;
}

export function unitParam(unit: Unit | undefined): string | undefined {
  return unit ? `${unit.kind}:${unit.code}` : undefined;
}

/** A portal link that keeps the organiser's unit. */
export function portalHref(path: string, unit: Unit | undefined, extra: Record<string, string | number | undefined> = {}): string {
  return withQuery(path, { unit: unitParam(unit), ...extra });
}

/** A member for the edit, substitute and badge pages: another unit's delegate is a 403, an unknown id a 404. */
export async function memberOr404(ctx: Ctx, raw: string): Promise<RegistrationView> {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  try {
    return await getRegistration(ctx, id);
  } catch (e) {
    if (isDomainError(e) && e.status === 404) notFound();
    if (isDomainError(e) && e.status === 403) forbidden();
    throw e;
  }
}
