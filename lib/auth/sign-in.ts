import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Ctx } from "@/lib/context";
import { UnauthorizedError } from "@/lib/errors";
import { actorFromUser } from "./actor";
import { burnPasswordCheck, verifyPassword } from "./password";
import { releaseSignInAttempt, reserveSignInAttempt } from "./throttle";

const credentialsSchema = z.object({ email: z.string().max(254), password: z.string().max(200) });

export type SignedInUser = { id: number; email: string; name: string; role: string };

/**
 * Checks email + password for the Credentials provider. Each attempt is reserved against the
 * per-account and per-client limits before the password is checked (RateLimitedError → 429);
 * a success gives it back. Every outcome is audited.
 */
export async function verifyCredentials(db: Db, input: unknown, ip: string | undefined, requestId?: string): Promise<SignedInUser> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) throw new UnauthorizedError("auth.invalid_credentials");
  const email = parsed.data.email.normalize("NFC").trim().toLowerCase();
  await reserveSignInAttempt(db, email, ip);
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const ok = user ? await verifyPassword(parsed.data.password, user.passwordHash) : (await burnPasswordCheck(parsed.data.password), false);
  const ctx: Ctx = { db, actor: user ? actorFromUser(user, "session") : { kind: "anonymous" }, now: new Date(), locale: "vi", requestId, ip };
  if (!ok || !user || user.disabledAt) {
    await recordAudit(db, ctx, { action: "auth.sign_in_failed", entityType: "user", entityId: user?.id ?? null, after: { email, reason: !user ? "unknown_email" : user.disabledAt && ok ? "disabled" : "wrong_password" } });
    throw new UnauthorizedError("auth.invalid_credentials");
  }
  await db.transaction(async (tx) => {
    await tx.update(users).set({ lastSignInAt: ctx.now }).where(eq(users.id, user.id));
    await releaseSignInAttempt(tx, email, ip);
    await recordAudit(tx, ctx, { action: "auth.signed_in", entityType: "user", entityId: user.id, provinceCode: user.provinceCode, ministryCode: user.agencyCode });
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
