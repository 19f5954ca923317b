import { inArray } from "drizzle-orm";
import type { Db } from "../client";
import { users } from "../schema";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import { searchKey } from "@/lib/text/normalize";

export const DEMO_PASSWORD = "Demo@2020";

/** The demo accounts of issue #3, all with password Demo@2020 (README lists them). */
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; provinceCode?: string; agencyCode?: string }[] = [
  { email: "admin@ocop.example", name: "Quản trị hệ thống", role: "admin" },
  { email: "bantochuc@ocop.example", name: "Nguyễn Văn Tổ Chức", role: "organiser" },
  { email: "gianhang@ocop.example", name: "Trần Thị Gian Hàng", role: "booth_manager" },
  { email: "checkin@ocop.example", name: "Lê Văn Đón Tiếp", role: "checkin_staff" },
  { email: "giamsat@ocop.example", name: "Phạm Thị Giám Sát", role: "checkin_supervisor" },
  { email: "quangninh@ocop.example", name: "Cán bộ tỉnh Quảng Ninh", role: "province_officer", provinceCode: "22" },
  { email: "quangnam@ocop.example", name: "Cán bộ tỉnh Quảng Nam", role: "province_officer", provinceCode: "49" },
  { email: "angiang@ocop.example", name: "Cán bộ tỉnh An Giang", role: "province_officer", provinceCode: "89" },
  { email: "bocongthuong@ocop.example", name: "Cán bộ Bộ Công Thương", role: "ministry_officer", agencyCode: "bct" },
  { email: "vpdp@ocop.example", name: "Văn phòng Điều phối NTM Trung ương", role: "mard_reviewer" },
  { email: "tdkt@ocop.example", name: "Ban Thi đua – Khen thưởng Trung ương", role: "emulation_board" },
  { email: "sankhau@ocop.example", name: "Hoàng Văn Sân Khấu", role: "stage_manager" },
];

/** Inserts the demo accounts that are missing (hashing only for those). */
export async function seedDemoAccounts(db: Db): Promise<number> {
  const existing = new Set((await db.select({ email: users.email }).from(users).where(inArray(users.email, DEMO_ACCOUNTS.map((a) => a.email)))).map((r) => r.email));
  const missing = DEMO_ACCOUNTS.filter((a) => !existing.has(a.email));
  if (missing.length === 0) return 0;
  const hash = await hashPassword(DEMO_PASSWORD);
  await db.insert(users).values(missing.map((a) => ({
    email: a.email, name: a.name, role: a.role, provinceCode: a.provinceCode ?? null, agencyCode: a.agencyCode ?? null,
    passwordHash: hash, searchKey: searchKey(`${a.name} ${a.email}`),
  }))).onConflictDoNothing();
  return missing.length;
}
