import type { Env } from "@/lib/server/env";
import fs from "node:fs";
import { z } from "zod";

/**
 * The event's configurable facts. Defaults follow Decision 03/QĐ-BCĐCTMTQG (2020): the ceremony the
 * evening of 17/12/2020, the conference on 18/12/2020 in Hà Nội. EVENT_CONFIG_FILE may point to a JSON
 * file overriding any field; it is read when the event is first seeded (later, organisers edit it).
 */
export const eventConfigSchema = z.object({
  code: z.string().regex(/^[a-z0-9-]{2,40}$/),
  nameVi: z.string().min(5),
  nameEn: z.string().min(5),
  venueVi: z.string().min(2),
  venueEn: z.string().min(2),
  addressVi: z.string().min(2),
  city: z.string().min(2),
  timezone: z.string().default("Asia/Ho_Chi_Minh"),
  exhibitionStartsAt: z.iso.datetime({ offset: true }),
  exhibitionEndsAt: z.iso.datetime({ offset: true }),
  ceremonyStartsAt: z.iso.datetime({ offset: true }),
  ceremonyEndsAt: z.iso.datetime({ offset: true }),
  conferenceStartsAt: z.iso.datetime({ offset: true }),
  conferenceEndsAt: z.iso.datetime({ offset: true }),
}).strict();

export type EventConfig = z.infer<typeof eventConfigSchema>;

export const DEFAULT_EVENT: EventConfig = {
  code: "ocop-2020",
  nameVi: "Hội nghị toàn quốc tổng kết Chương trình OCOP giai đoạn 2018–2020",
  nameEn: "National Conference reviewing the OCOP Programme 2018–2020",
  venueVi: "Trung tâm Hội nghị Quốc gia",
  venueEn: "National Convention Center",
  addressVi: "Số 57 Phạm Hùng, Nam Từ Liêm, Hà Nội",
  city: "Hà Nội",
  timezone: "Asia/Ho_Chi_Minh",
  exhibitionStartsAt: "2020-12-17T08:00:00+07:00",
  exhibitionEndsAt: "2020-12-18T17:00:00+07:00",
  ceremonyStartsAt: "2020-12-17T19:30:00+07:00",
  ceremonyEndsAt: "2020-12-17T21:30:00+07:00",
  conferenceStartsAt: "2020-12-18T08:00:00+07:00",
  conferenceEndsAt: "2020-12-18T16:30:00+07:00",
};

export function loadEventConfig(env: Env = process.env): EventConfig {
  const file = env.EVENT_CONFIG_FILE;
  if (!file) return DEFAULT_EVENT;
  let overrides: unknown;
  try {
    overrides = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`EVENT_CONFIG_FILE=${file}: ${(e as Error).message}`);
  }
  const parsed = eventConfigSchema.safeParse({ ...DEFAULT_EVENT, ...(overrides as object) });
  if (!parsed.success) {
    throw new Error(`EVENT_CONFIG_FILE=${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

/** Agenda shape of DOMAIN.md, as minutes after the start of each part. */
export const DEFAULT_AGENDA: { part: "exhibition" | "ceremony" | "conference"; offsetMinutes: number; vi: string; en: string }[] = [
  { part: "exhibition", offsetMinutes: 0, vi: "Khai mạc khu gian hàng sản phẩm OCOP 5 sao và sản phẩm OCOP các địa phương", en: "Opening of the booths of 5-star and provincial OCOP products" },
  { part: "ceremony", offsetMinutes: -30, vi: "Đón tiếp đại biểu", en: "Welcome of delegates" },
  { part: "ceremony", offsetMinutes: 0, vi: "Văn nghệ chào mừng; tuyên bố lý do, giới thiệu đại biểu", en: "Performance; opening remarks and introduction of delegates" },
  { part: "ceremony", offsetMinutes: 15, vi: "Công bố quyết định công nhận sản phẩm OCOP 5 sao cấp quốc gia năm 2020", en: "Announcement of the decision recognising the national 5-star OCOP products of 2020" },
  { part: "ceremony", offsetMinutes: 30, vi: "Trao chứng nhận sản phẩm OCOP 5 sao", en: "Presentation of 5-star OCOP certificates" },
  { part: "ceremony", offsetMinutes: 60, vi: "Trao Huân chương, Bằng khen cho các tập thể, cá nhân có thành tích xuất sắc", en: "Presentation of orders and certificates of merit to outstanding collectives and individuals" },
  { part: "ceremony", offsetMinutes: 110, vi: "Bế mạc", en: "Closing" },
  { part: "conference", offsetMinutes: -30, vi: "Đón tiếp đại biểu", en: "Welcome of delegates" },
  { part: "conference", offsetMinutes: 0, vi: "Văn nghệ chào mừng", en: "Performance" },
  { part: "conference", offsetMinutes: 15, vi: "Tuyên bố lý do, giới thiệu đại biểu", en: "Opening remarks and introduction of delegates" },
  { part: "conference", offsetMinutes: 25, vi: "Phát biểu khai mạc", en: "Opening speech" },
  { part: "conference", offsetMinutes: 40, vi: "Báo cáo tổng kết Chương trình OCOP giai đoạn 2018–2020", en: "Report reviewing the OCOP Programme 2018–2020" },
  { part: "conference", offsetMinutes: 80, vi: "Phóng sự về Chương trình OCOP", en: "Documentary on the OCOP Programme" },
  { part: "conference", offsetMinutes: 95, vi: "Tham luận của các bộ, ngành và địa phương", en: "Presentations by ministries and provinces" },
  { part: "conference", offsetMinutes: 180, vi: "Phát biểu chỉ đạo của Lãnh đạo Chính phủ", en: "Guidance speech by the Government leader" },
  { part: "conference", offsetMinutes: 210, vi: "Bế mạc Hội nghị", en: "Closing of the conference" },
  { part: "conference", offsetMinutes: 225, vi: "Tham quan gian hàng sản phẩm OCOP", en: "Visit to the OCOP booths" },
];
