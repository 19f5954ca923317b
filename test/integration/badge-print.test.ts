import { createCanvas } from "@napi-rs/canvas";
import { eq } from "drizzle-orm";
import jsQR from "jsqr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overrideDbForTests } from "@/db/client";
import { auditLog, generatedFiles, jobs, registrations, users } from "@/db/schema";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { actorFromUser } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/permissions";
import { badgeCodeFor } from "@/lib/badges/badge";
import { BADGE_PRINT_JOB, getJob, getJobFile, requestBadgePrint, type PrintBadgesInput } from "@/lib/badges/print";
import { FILE_RETENTION_MS, makeBadgePrintHandler } from "@/lib/badges/print-job";
import type { UserActor } from "@/lib/context";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { JobWorker } from "@/lib/jobs/worker";
import { cancelRegistration } from "@/lib/registration/manage";
import { registerDelegate } from "@/lib/registration/register";
import type { RegistrationInput } from "@/lib/registration/schemas";
import { createToken } from "@/lib/tokens/tokens";
import { ctxFor, seedRoleUsers } from "../helpers/actors";
import { createTestDatabase, DRIVERS, type TestDatabase } from "../helpers/databases";

process.env.AUTH_SECRET ??= "badge-print-test-secret-".padEnd(48, "x");

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: PdfJs;

/** The text layer of each page (what a reader's search or copy finds), lines joined by newlines. */
async function pdfPages(pdf: Buffer): Promise<{ text: string[]; images: number; doc: Awaited<ReturnType<PdfJs["getDocument"]>["promise"]> }> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  const text: string[] = [];
  let images = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    text.push(content.items.map((i) => ("str" in i ? i.str + (i.hasEOL ? "\n" : "") : "")).join("").normalize("NFC"));
    const ops = await page.getOperatorList();
    images += ops.fnArray.filter((f) => f === pdfjs.OPS.paintImageXObject || f === pdfjs.OPS.paintInlineImageXObject || f === pdfjs.OPS.paintImageMaskXObject).length;
  }
  return { text, images, doc };
}

const person = (p: Partial<RegistrationInput> & { familyName: string; givenName: string; provinceCode: string }, n: number) => ({
  categoryCode: "chu-the-ocop", honorific: "ba", position: "Giám đốc", organisation: "HTX Chè Tân Cương", email: `in-the-${n}@example.vn`, phone: "0912345678",
  answers: { needs_hotel: false }, consent: true, ...p,
}) as RegistrationInput;

describe.each(DRIVERS)("batch badge printing on %s", (driver) => {
  let t: TestDatabase;
  let as: Record<Role, UserActor>;
  let quangNam: UserActor;
  const ids: Record<string, number> = {};

  /** Runs the queued print jobs with the real worker, recording the progress the handler reports. */
  async function runJobs(): Promise<number[]> {
    const seen: number[] = [];
    const handler = makeBadgePrintHandler();
    const worker = new JobWorker({ db: t.db, pollMs: 10, handlers: { [BADGE_PRINT_JOB]: (jc) => handler({ ...jc, progress: async (p) => { seen.push(p); await jc.progress(p); } }) } });
    worker.start();
    const start = Date.now();
    for (;;) {
      const open = await t.db.select({ id: jobs.id, status: jobs.status }).from(jobs).where(eq(jobs.kind, BADGE_PRINT_JOB));
      if (open.every((j) => j.status === "succeeded" || j.status === "failed")) break;
      if (Date.now() - start > 15_000) throw new Error("print jobs did not finish");
      await new Promise((r) => setTimeout(r, 20));
    }
    await worker.stop();
    return seen;
  }

  async function print(actor: UserActor, input: PrintBadgesInput): Promise<{ pdf: Buffer; jobId: number; count: number; progress: number[] }> {
    const { jobId, count } = await requestBadgePrint(ctxFor(t.db, actor), input);
    const progress = await runJobs();
    const file = await getJobFile(ctxFor(t.db, actor), jobId);
    expect(file.contentType).toBe("application/pdf");
    return { pdf: file.content, jobId, count, progress };
  }

  beforeAll(async () => {
    pdfjs ??= await import("pdfjs-dist/legacy/build/pdf.mjs");
    t = await createTestDatabase(driver, { seeded: true });
    as = await seedRoleUsers(t.db);
    const [row] = await t.db.insert(users).values({ email: "quangnam@test.example", name: "Cán bộ Quảng Nam", role: "province_officer", provinceCode: "49", passwordHash: "x", searchKey: "can bo quang nam" }).returning();
    quangNam = actorFromUser(row!, "session");
    const anon = ctxFor(t.db, { kind: "anonymous" });
    const add = async (key: string, p: Parameters<typeof person>[0]) => { ids[key] = (await registerDelegate(anon, person(p, Object.keys(ids).length))).id; };
    await add("tuyet", { familyName: "Nguyễn Thị Ánh", givenName: "Tuyết", provinceCode: "22" });
    await add("hue", {
      honorific: "ong", familyName: "Tôn Thất Hoàng Phương Nguyên Khánh", givenName: "Long", provinceCode: "46",
      position: "Phó Giám đốc Sở Nông nghiệp và Phát triển nông thôn kiêm Chánh Văn phòng Điều phối Chương trình xây dựng nông thôn mới tỉnh",
      organisation: "Hợp tác xã Nông nghiệp Dịch vụ Tổng hợp Sản xuất và Chế biến Nông sản Sạch Thừa Thiên Huế",
    });
    await add("vungtau", { familyName: "Lê Thị", givenName: "Hạnh", provinceCode: "77" });
    await add("quangnam", { honorific: "ong", familyName: "Phạm Văn", givenName: "Đức", provinceCode: "49" });
    await add("cancelled", { honorific: "ong", familyName: "Đặng Văn", givenName: "Huỷ", provinceCode: "22" });
    await cancelRegistration(ctxFor(t.db, as.organiser), ids.cancelled!);
  }, 60_000);
  afterAll(async () => {
    await t?.drop();
  });

  it("prints the confirmed delegates as 4-up A4 with every diacritic in the text layer, fonts embedded and subset, QR codes as vectors that scan", async () => {
    // A PDF made more than a week ago is removed by the next print.
    const [old] = await t.db.insert(generatedFiles).values({
      kind: "badges", filename: "cu.pdf", contentType: "application/pdf", byteSize: 3, sha256: "x", content: new Uint8Array([1, 2, 3]), createdAt: new Date(Date.now() - FILE_RETENTION_MS - 60_000),
    }).returning();
    const { pdf, count, progress, jobId } = await print(as.organiser, { filter: {}, layout: "a4-4up" });
    expect(count).toBe(4);
    expect(await t.db.select().from(generatedFiles).where(eq(generatedFiles.id, old!.id))).toEqual([]);
    // The job reported its progress on the way and finished.
    expect(progress[0]).toBe(5);
    expect(progress.filter((p) => p > 5 && p < 100).length).toBeGreaterThanOrEqual(2);
    const job = await getJob(ctxFor(t.db, as.organiser), jobId);
    expect(job).toMatchObject({ status: "succeeded", progress: 100, downloadUrl: `/api/v1/jobs/${jobId}/download`, result: { count: 4, layout: "a4-4up" } });

    const { text, images, doc } = await pdfPages(pdf);
    expect(doc.numPages).toBe(1);
    const all = text.join("\n");
    const lines = all.split("\n");
    for (const line of ["Bà Nguyễn Thị Ánh Tuyết", "Đoàn tỉnh Quảng Ninh", "Đoàn tỉnh Thừa Thiên Huế", "Đoàn tỉnh Bà Rịa - Vũng Tàu", "Ông Phạm Văn Đức", "Bà Lê Thị Hạnh", "ĐẠI BIỂU", "Chủ thể OCOP", "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"]) {
      expect(lines, line).toContain(line);
    }
    // Long names and units wrap (or shrink) instead of running off the card; nothing is lost.
    expect(all.replace(/\s+/g, " ")).toContain("Ông Tôn Thất Hoàng Phương Nguyên Khánh Long");
    expect(all.replace(/\s+/g, " ")).toContain("Hợp tác xã Nông nghiệp Dịch vụ Tổng hợp Sản xuất và Chế biến Nông sản Sạch Thừa Thiên Huế");
    expect(all).not.toContain("Huỷ");

    // Fonts: TrueType programs embedded (FontFile2) as subsets (a six-letter tag before the name); the
    // whole file is far smaller than one of the full fonts (≈ 510 kB each).
    const raw = pdf.toString("latin1");
    expect(raw).toMatch(/\/FontFile2 \d+ 0 R/);
    const fonts = [...raw.matchAll(/\/BaseFont \/([A-Z]{6})\+(NotoSans-(?:Regular|Bold))/g)].map((m) => m[2]);
    expect(new Set(fonts)).toEqual(new Set(["NotoSans-Regular", "NotoSans-Bold"]));
    expect(raw).toMatch(/\/ToUnicode \d+ 0 R/);
    expect(pdf.length).toBeLessThan(150_000);
    // QR codes are paths, not pictures.
    expect(images).toBe(0);
    expect(raw).not.toContain("/Subtype /Image");
  });

  it("prints one A6 page per badge; each page's QR, rasterised, scans to the delegate's signed code", async () => {
    const { pdf } = await print(as.organiser, { ids: [ids.tuyet!, ids.vungtau!, ids.cancelled!], layout: "a6" });
    const { text, doc } = await pdfPages(pdf);
    expect(doc.numPages).toBe(2); // the cancelled delegate gets no badge
    const [first] = await t.db.select().from(registrations).where(eq(registrations.id, ids.vungtau!)); // "Lê" sorts before "Nguyễn"
    expect(text[0]).toContain("Bà Lê Thị Hạnh");
    expect(text[1]).toContain("Bà Nguyễn Thị Ánh Tuyết");
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale: 2 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvas: canvas as never, canvasContext: canvas.getContext("2d") as never, viewport }).promise;
    const img = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    expect(jsQR(img.data, img.width, img.height)?.data).toBe(await badgeCodeFor(t.db, first!));
  });

  it("keeps a Quảng Nam officer to Quảng Nam's badges whatever the filter or ids, and away from other people's jobs", async () => {
    const mine = await print(quangNam, { filter: {}, layout: "a6" });
    expect(mine.count).toBe(1);
    const text = (await pdfPages(mine.pdf)).text.join("\n");
    expect(text).toContain("Ông Phạm Văn Đức");
    expect(text).toContain("Đoàn tỉnh Quảng Nam");
    expect(text).not.toContain("Quảng Ninh");
    expect(text).not.toContain("Tuyết");
    await expect(requestBadgePrint(ctxFor(t.db, quangNam), { filter: { province: "22" }, layout: "a6" })).rejects.toBeInstanceOf(ConflictError);
    await expect(requestBadgePrint(ctxFor(t.db, quangNam), { ids: [ids.tuyet!], layout: "a6" })).rejects.toMatchObject({ code: "badges.nothing_to_print" });

    // Quảng Ninh's officer prints; the Quảng Nam officer can neither follow nor download that job; organisers can.
    const theirs = await print(as.province_officer, { filter: { q: "anh tuyet" }, layout: "a4-4up" });
    expect(theirs.count).toBe(1);
    await expect(getJob(ctxFor(t.db, quangNam), theirs.jobId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getJobFile(ctxFor(t.db, quangNam), theirs.jobId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getJob(ctxFor(t.db, as.booth_manager), theirs.jobId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getJob(ctxFor(t.db, as.admin), theirs.jobId)).status).toBe("succeeded");
    await expect(requestBadgePrint(ctxFor(t.db, as.checkin_staff), { layout: "a6" })).rejects.toBeInstanceOf(ForbiddenError);
    // The console's other filters apply too: nobody has arrived yet.
    await expect(requestBadgePrint(ctxFor(t.db, as.organiser), { filter: { arrived: "yes" }, layout: "a6" })).rejects.toMatchObject({ code: "badges.nothing_to_print" });
    expect((await requestBadgePrint(ctxFor(t.db, as.organiser), { filter: { arrived: "no", checkpoint: "trien-lam" }, layout: "a6" })).count).toBe(4);
    await expect(requestBadgePrint(ctxFor(t.db, as.organiser), { layout: "a5" as never })).rejects.toBeInstanceOf(ValidationError);
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.action, "badges.printed"));
    expect(audited.length).toBeGreaterThanOrEqual(4);
  });

  it.runIf(driver === "postgres")("over HTTP: 202 with the job, its status, then the PDF as an attachment; 404 for another officer", async () => {
    overrideDbForTests(t);
    try {
      const bearer = async (actor: UserActor) => ({ authorization: `Bearer ${(await createToken(ctxFor(t.db, actor), { name: "in thẻ" })).token}` });
      const mod = {
        print: (await import("@/app/api/v1/badges/print/route")).POST,
        job: (await import("@/app/api/v1/jobs/[id]/route")).GET,
        download: (await import("@/app/api/v1/jobs/[id]/download/route")).GET,
      };
      const organiser = await bearer(as.organiser);
      const res = await mod.print(new Request(`http://localhost${ENDPOINTS.printBadges.path}`, {
        method: "POST", headers: { ...organiser, "content-type": "application/json" }, body: JSON.stringify({ filter: { province: "46" }, layout: "a4-4up" }),
      }));
      expect(res.status).toBe(202);
      const { jobId, count } = (await res.json()) as { jobId: number; count: number };
      expect(count).toBe(1);
      const params = { params: Promise.resolve({ id: String(jobId) }) };
      const early = await mod.download(new Request(`http://localhost/api/v1/jobs/${jobId}/download`, { headers: organiser }), params);
      expect(early.status).toBe(409);
      await runJobs();
      const status = await mod.job(new Request(`http://localhost/api/v1/jobs/${jobId}`, { headers: organiser }), params);
      expect(await status.json()).toMatchObject({ status: "succeeded", progress: 100, downloadUrl: `/api/v1/jobs/${jobId}/download` });
      const file = await mod.download(new Request(`http://localhost/api/v1/jobs/${jobId}/download`, { headers: organiser }), params);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toBe("application/pdf");
      expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="the-dai-bieu-a4-4up-\d+\.pdf"$/);
      const text = (await pdfPages(Buffer.from(await file.arrayBuffer()))).text.join("\n");
      expect(text).toContain("Đoàn tỉnh Thừa Thiên Huế");
      const other = await mod.job(new Request(`http://localhost/api/v1/jobs/${jobId}`, { headers: await bearer(quangNam) }), params);
      expect(other.status).toBe(404);
    } finally {
      overrideDbForTests(null);
    }
  });
});
