import type { DbOrTx } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Ctx } from "@/lib/context";

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  provinceCode?: string | null;
  ministryCode?: string | null;
  before?: unknown;
  after?: unknown;
  eventId?: number | null;
};

const SECRET_KEYS = new Set(["password", "passwordHash", "password_hash", "token", "tokenHash", "token_hash"]);

/** Drops secrets from before/after snapshots. */
function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !SECRET_KEYS.has(k)).map(([k, v]) => [k, scrub(v)]));
  }
  return value;
}

/** Records who did what; call it with the transaction that makes the change. */
export async function recordAudit(tx: DbOrTx, ctx: Ctx, entry: AuditEntry): Promise<void> {
  const a = ctx.actor;
  const actor =
    a.kind === "user"
      ? { actorKind: a.via === "token" ? "token" : "user", actorUserId: a.userId || null, actorTokenId: a.tokenId ?? null, actorLabel: a.via === "token" ? `${a.email} (token #${a.tokenId})` : a.email }
      : a.kind === "system"
        ? { actorKind: "system", actorUserId: null, actorTokenId: null, actorLabel: `system: ${a.reason}` }
        : { actorKind: "anonymous", actorUserId: null, actorTokenId: null, actorLabel: "anonymous" };
  await tx.insert(auditLog).values({
    ...actor,
    eventId: entry.eventId ?? null,
    at: ctx.now,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    provinceCode: entry.provinceCode ?? null,
    agencyCode: entry.ministryCode ?? null,
    before: entry.before === undefined ? null : scrub(JSON.parse(JSON.stringify(entry.before))),
    after: entry.after === undefined ? null : scrub(JSON.parse(JSON.stringify(entry.after))),
    requestId: ctx.requestId ?? null,
    ip: ctx.ip && /^[0-9a-fA-F:.]+$/.test(ctx.ip) ? ctx.ip : null,
  });
}
