import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { actorFromUser } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { ROLES, type Role } from "@/lib/auth/permissions";
import type { Ctx, UserActor } from "@/lib/context";
import { searchKey } from "@/lib/text/normalize";

export const TEST_PASSWORD = "Matkhau2020";

const SCOPE: Partial<Record<Role, { provinceCode?: string; agencyCode?: string }>> = {
  province_officer: { provinceCode: "22" },
  ministry_officer: { agencyCode: "bct" },
};

let hash: Promise<string> | null = null;

/** One user per role (province officer of Quảng Ninh, ministry officer of Bộ Công Thương). */
export async function seedRoleUsers(db: Db, suffix = ""): Promise<Record<Role, UserActor>> {
  hash ??= hashPassword(TEST_PASSWORD);
  const h = await hash;
  const out = {} as Record<Role, UserActor>;
  for (const role of ROLES) {
    const email = `${role}${suffix}@test.example`;
    await db.insert(users).values({
      email, name: `Người dùng ${role}`, role, provinceCode: SCOPE[role]?.provinceCode ?? null, agencyCode: SCOPE[role]?.agencyCode ?? null,
      passwordHash: h, searchKey: searchKey(`Người dùng ${role} ${email}`),
    }).onConflictDoNothing();
    const [row] = await db.select().from(users).where(eq(users.email, email));
    out[role] = actorFromUser(row!, "session");
  }
  return out;
}

export function ctxFor(db: Db, actor: Ctx["actor"], extra: Partial<Ctx> = {}): Ctx {
  return { db, actor, now: new Date(), locale: "vi", ...extra };
}
