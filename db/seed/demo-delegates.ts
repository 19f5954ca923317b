import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import { systemCtx } from "@/lib/context";
import { nameSortKey } from "@/lib/text/sort-key";
import { searchKey } from "@/lib/text/normalize";
import type { Db } from "../client";
import { agencies, delegateCategories, delegationContacts, provinces, registrations } from "../schema";
import { currentEventId } from "./reference";

/** Deterministic pseudo-random numbers, so every demo database is the same. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh"];
const MIDDLE_M = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Xuân", "Công", "Đình", "Ngọc"];
const MIDDLE_F = ["Thị", "Thị Thu", "Thị Ngọc", "Thị Minh", "Thu", "Ngọc", "Thị Hồng", "Thị Thanh", "Thị Ánh"];
const GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hùng", "Huy", "Khánh", "Long", "Nam", "Phong", "Quân", "Quang", "Sơn", "Thắng", "Trung", "Tuấn", "Tú", "Việt", "Hiếu", "Toàn", "Lực"];
const GIVEN_F = ["Anh", "Ánh", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Phương", "Thảo", "Trang", "Vân", "Yến", "Tuyết", "Hằng", "Nhung", "Loan", "Thủy"];
const OCOP_ORGS = ["HTX Chè", "HTX Nông nghiệp", "Công ty TNHH Thực phẩm", "Cơ sở sản xuất Mật ong", "HTX Dược liệu", "Công ty CP Nông sản", "Tổ hợp tác Gạo", "HTX Nước mắm", "Cơ sở Mây tre đan", "HTX Cà phê"];
const PRESS = ["Báo Nông nghiệp Việt Nam", "Đài Truyền hình Việt Nam", "Thông tấn xã Việt Nam", "Báo Nhân Dân", "Đài Tiếng nói Việt Nam", "Báo Dân Việt", "Tạp chí Nông thôn mới"];

type Plan = { code: string; count: number; unit: "province" | "ministry" | "none"; positions: string[]; org: (unit: string, r: () => number) => string };

const PLANS: Plan[] = [
  { code: "lanh-dao", count: 8, unit: "none", positions: ["Phó Thủ tướng Chính phủ", "Bộ trưởng", "Phó Chủ tịch Quốc hội", "Trưởng ban"], org: () => "Văn phòng Trung ương" },
  { code: "bcd-tw", count: 14, unit: "none", positions: ["Ủy viên Ban Chỉ đạo", "Phó Trưởng ban Chỉ đạo"], org: () => "Ban Chỉ đạo Trung ương các Chương trình MTQG" },
  { code: "bo-nganh", count: 40, unit: "ministry", positions: ["Vụ trưởng", "Phó Vụ trưởng", "Chuyên viên chính", "Cục trưởng"], org: (u) => u },
  { code: "lanh-dao-tinh", count: 63, unit: "province", positions: ["Phó Chủ tịch UBND", "Chủ tịch UBND"], org: (u) => `UBND ${u}` },
  { code: "so-nnptnt", count: 120, unit: "province", positions: ["Giám đốc Sở", "Phó Giám đốc Sở", "Chánh Văn phòng Điều phối NTM", "Chuyên viên"], org: (u) => `Sở NN&PTNT ${u}` },
  { code: "chu-the-ocop", count: 150, unit: "province", positions: ["Giám đốc", "Chủ nhiệm HTX", "Chủ cơ sở", "Phó Giám đốc"], org: (u, r) => `${OCOP_ORGS[Math.floor(r() * OCOP_ORGS.length)]} ${u.replace(/^(Tỉnh|Thành phố) /, "")}` },
  { code: "khen-thuong", count: 45, unit: "province", positions: ["Chủ nhiệm HTX", "Nông dân sản xuất giỏi", "Giám đốc", "Cán bộ khuyến nông"], org: (u) => `Đơn vị điển hình ${u.replace(/^(Tỉnh|Thành phố) /, "")}` },
  { code: "bao-chi", count: 30, unit: "none", positions: ["Phóng viên", "Biên tập viên", "Quay phim"], org: (_u, r) => PRESS[Math.floor(r() * PRESS.length)]! },
  { code: "khach-moi", count: 18, unit: "none", positions: ["Đại diện", "Chuyên gia", "Trưởng đại diện"], org: () => "Tổ chức quốc tế (minh hoạ)" },
  { code: "ban-to-chuc", count: 12, unit: "none", positions: ["Cán bộ phục vụ", "Thư ký", "Lễ tân"], org: () => "Ban Tổ chức Hội nghị" },
];

/**
 * ~500 clearly fictional delegates (emails at demo.ocop.example) across categories, provinces and
 * statuses, loaded once into an empty database by `npm run demo`. No emails are queued for them.
 */
export async function seedDemoDelegates(db: Db): Promise<number> {
  const eventId = await currentEventId(db);
  if ((await db.$count(registrations, eq(registrations.eventId, eventId))) > 0) return 0;
  const r = prng(20201218);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const cats = new Map((await db.select().from(delegateCategories).where(eq(delegateCategories.eventId, eventId))).map((c) => [c.code, c]));
  const provs = await db.select().from(provinces);
  const ministries = (await db.select().from(agencies)).filter((a) => a.kind === "ministry");
  const now = new Date();
  const rows: (typeof registrations.$inferInsert)[] = [];
  let n = 0;
  for (const plan of PLANS) {
    const cat = cats.get(plan.code);
    if (!cat) continue;
    for (let i = 0; i < plan.count; i++) {
      n++;
      const female = r() < 0.45;
      const familyName = `${pick(FAMILY)} ${pick(female ? MIDDLE_F : MIDDLE_M)}`;
      const givenName = pick(female ? GIVEN_F : GIVEN_M);
      const prov = plan.unit === "province" ? (plan.code === "lanh-dao-tinh" ? provs[i % provs.length]! : pick(provs)) : null;
      const ministry = plan.unit === "ministry" ? pick(ministries) : null;
      const unitName = prov?.fullName ?? ministry?.nameVi ?? "";
      let status: "confirmed" | "pending" | "rejected" | "cancelled" = "confirmed";
      if (plan.code === "bao-chi") status = i < 20 ? "confirmed" : i < 27 ? "pending" : "rejected";
      else if (r() < 0.03) status = "cancelled";
      const answers: Record<string, string | boolean> = {};
      for (const q of cat.questions) {
        if (q.type === "yesno") answers[q.key] = r() < 0.4;
        else if (q.type === "choice" && q.options?.length) answers[q.key] = r() < 0.8 ? q.options[0]!.value : pick(q.options).value;
        else if (q.key === "arrival_date") answers[q.key] = `${pick(["15", "16", "17"])}/12/2020`;
        else if (q.key === "press_card") answers[q.key] = `NB-${String(10000 + Math.floor(r() * 89999))}`;
      }
      const email = `${searchKey(givenName).replace(/\s/g, "")}.${searchKey(familyName.split(" ")[0]!)}.${n}@demo.ocop.example`;
      const phone = `09${String(Math.floor(r() * 1e8)).padStart(8, "0")}`;
      const organisation = plan.org(unitName, r);
      rows.push({
        eventId, categoryId: cat.id, status, source: "demo", honorific: female ? "ba" : "ong", familyName, givenName,
        position: pick(plan.positions), organisation, provinceCode: prov?.code ?? null, agencyCode: ministry?.code ?? null,
        email, phone, answers, locale: "vi", consentAt: now,
        searchKey: searchKey(`${familyName} ${givenName} ${email} ${phone} ${organisation}`), sortKey: nameSortKey(givenName, familyName),
        protocolRank: plan.code === "lanh-dao" ? i + 1 : null, doorNote: plan.code === "lanh-dao" ? "VIP — đón tại sảnh, đưa lên hàng ghế A" : null,
        rejectionReason: status === "rejected" ? "Không thuộc danh sách cơ quan báo chí được mời" : null,
        confirmedAt: status === "confirmed" ? now : null, cancelledAt: status === "cancelled" ? now : null,
      });
    }
  }
  // Two of Quảng Ninh's department delegates share their office's address: no personal email, so
  // their badges go to the delegation's contact person (portal: "Người liên hệ của đoàn").
  for (const row of rows.filter((x) => x.provinceCode === "22" && x.categoryId === cats.get("so-nnptnt")?.id).slice(0, 2)) {
    row.email = null;
    row.searchKey = searchKey(`${row.familyName} ${row.givenName} ${row.phone} ${row.organisation}`);
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 200) await tx.insert(registrations).values(rows.slice(i, i + 200));
    await tx.insert(delegationContacts).values({
      eventId, unitKind: "province", unitCode: "22", name: "Trần Văn Bình", position: "Chánh Văn phòng Sở NN&PTNT tỉnh Quảng Ninh",
      email: "vanphong.snn.quangninh@demo.ocop.example", phone: "0912345678",
    }).onConflictDoNothing();
    await recordAudit(tx, systemCtx(db, "demo data"), { eventId, action: "demo.delegates_seeded", entityType: "registration", after: { count: rows.length } });
  });
  return rows.length;
}
