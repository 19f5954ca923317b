import { sql, type SQL } from "drizzle-orm";
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

/** The audit row's values for the acting user (secrets scrubbed from the snapshots). */
export function auditValues(ctx: Ctx, entry: AuditEntry): typeof auditLog.$inferInsert {
  const a = ctx.actor;
  const actor =
    a.kind === "user"
      ? { actorKind: a.via === "token" ? "token" : "user", actorUserId: a.userId || null, actorTokenId: a.tokenId ?? null, actorLabel: a.via === "token" ? `${a.email} (token #${a.tokenId})` : a.email }
      : a.kind === "system"
        ? { actorKind: "system", actorUserId: null, actorTokenId: null, actorLabel: `system: ${a.reason}` }
        : { actorKind: "anonymous", actorUserId: null, actorTokenId: null, actorLabel: "anonymous" };
  return {
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
  };
}

/** Records who did what; call it with the transaction that makes the change. */
export async function recordAudit(tx: DbOrTx, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditValues(ctx, entry));
}

/** The same row as a common table expression `audit_row`, written once per row of `gate` (a relation of the enclosing statement). */
export function auditCte(ctx: Ctx, entry: AuditEntry, gate: SQL): SQL {
  const v = auditValues(ctx, entry);
  const json = (x: unknown) => (x === null || x === undefined ? null : JSON.stringify(x));
  return sql`
    audit_row as (
      insert into ${auditLog} (event_id, at, actor_kind, actor_user_id, actor_token_id, actor_label, action, entity_type, entity_id, province_code, agency_code, before, after, request_id, ip)
      select ${v.eventId ?? null}::integer, ${v.at!.toISOString()}::timestamptz, ${v.actorKind}, ${v.actorUserId ?? null}::integer, ${v.actorTokenId ?? null}::integer, ${v.actorLabel},
        ${v.action}, ${v.entityType}, ${v.entityId ?? null}::text, ${v.provinceCode ?? null}::text, ${v.agencyCode ?? null}::text,
        ${json(v.before)}::jsonb, ${json(v.after)}::jsonb, ${v.requestId ?? null}::text, ${v.ip ?? null}::inet
      from ${gate}
      returning id
    )`;
}
