import type { Actor, Ctx, UserActor } from "@/lib/context";
import { ForbiddenError, UnauthorizedError } from "@/lib/errors";
import type { Permission } from "./permissions";

/** First line of every protected domain function: 401 for nobody, 403 for a role without the permission. */
export function requirePermission(ctx: Ctx, permission: Permission): UserActor {
  const actor = ctx.actor;
  if (actor.kind === "system") return systemAsUser(actor);
  if (actor.kind !== "user") throw new UnauthorizedError();
  if (!actor.permissions.has(permission)) throw new ForbiddenError("auth.forbidden", { permission });
  return actor;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.kind === "system" || (actor.kind === "user" && actor.permissions.has(permission));
}

/** The unit a scoped actor is limited to; null for roles that see every unit. */
export function unitScope(actor: Actor): { provinceCode: string } | { ministryCode: string } | null {
  if (actor.kind !== "user") return null;
  if (actor.role === "province_officer" && actor.provinceCode) return { provinceCode: actor.provinceCode };
  if (actor.role === "ministry_officer" && actor.ministryCode) return { ministryCode: actor.ministryCode };
  return null;
}

function systemAsUser(actor: { kind: "system"; reason: string }): UserActor {
  return {
    kind: "user", userId: 0, email: "system", name: `system (${actor.reason})`, role: "admin", provinceCode: null, ministryCode: null,
    permissions: new Set(), via: "session",
  };
}

/** Like requirePermission, for actions open to several permissions (e.g. all delegates, or one's unit's). */
export function requireAnyPermission(ctx: Ctx, permissions: Permission[]): UserActor {
  const actor = ctx.actor;
  if (actor.kind === "system") return systemAsUser(actor);
  if (actor.kind !== "user") throw new UnauthorizedError();
  if (!permissions.some((p) => actor.permissions.has(p))) throw new ForbiddenError("auth.forbidden", { permission: permissions.join("|") });
  return actor;
}
