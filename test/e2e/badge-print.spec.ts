import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import vi from "../../messages/vi";
import { openAs, testFailingOnProblems } from "../helpers/e2e";

/**
 * Batch badge printing on /admin/registrations: an organiser filters the list (confirmed OCOP
 * producers), makes a PDF with one A6 page per badge, follows the job's progress and downloads the
 * file; its text layer holds every listed name with its diacritics. A Quảng Nam officer's PDF holds
 * Quảng Nam's delegation only. Fails on console errors, page errors and CSP violations.
 */
const test = testFailingOnProblems();

// The whole file runs in the desktop project only (playwright.config.ts, DESKTOP_ONLY): staff screens: tested once, on the desktop profile.

const b = vi.badgePrint;


/** Prints with the page's current filters and returns the PDF's text, page by page. */
async function printAndRead(page: Page, layout: "a6" | "a4-4up"): Promise<string[]> {
  const card = page.getByTestId("badge-print");
  await expect(card.getByRole("heading", { level: 2 })).toHaveText(b.title);
  await card.getByRole("radio", { name: b.layouts[layout], exact: true }).check();
  await card.getByRole("button", { name: b.submit, exact: true }).click();
  const link = card.getByTestId("badge-print-download");
  await expect(link).toBeVisible({ timeout: 20_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^the-dai-bieu-${layout}-\\d+\\.pdf$`));
  const pdf = fs.readFileSync((await download.path())!);
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(content.items.map((i) => ("str" in i ? i.str + (i.hasEOL ? "\n" : "") : "")).join("").normalize("NFC"));
  }
  return pages;
}

test.describe("in thẻ hàng loạt / batch badge printing", () => {
  test("ban tổ chức lọc danh sách, tạo PDF khổ A6, tải về: đủ tên có dấu", async ({ page }) => {
    await openAs(page, "bantochuc@ocop.example", "/admin/registrations?status=confirmed&category=chu-the-ocop");
    await page.goto("/admin/registrations?status=confirmed&category=chu-the-ocop");
    const total = Number((await page.getByRole("status").filter({ hasText: /\d/ }).first().textContent())?.replace(/\D/g, ""));
    expect(total).toBeGreaterThan(0);
    const names = (await page.locator("tbody th[scope=row] a").allTextContents()).map((s) => s.trim().normalize("NFC"));
    expect(names.length).toBeGreaterThan(0);
    const pages = await printAndRead(page, "a6");
    expect(pages).toHaveLength(total);
    // A long name wraps onto two lines of the card; the words stay in order.
    const all = pages.join("\n").replace(/\s+/g, " ");
    for (const name of names) expect(all, name).toContain(name);
    await expect(page.getByTestId("badge-print")).toContainText(b.ready.replace("{count}", String(total)));
  });

  test("cán bộ tỉnh Quảng Nam chỉ in được thẻ của đoàn Quảng Nam", async ({ page }) => {
    await openAs(page, "quangnam@ocop.example", "/admin/registrations");
    await page.goto("/admin/registrations");
    const pages = await printAndRead(page, "a4-4up");
    const text = pages.join("\n");
    expect(text).toContain("Đoàn tỉnh Quảng Nam");
    expect(text).not.toContain("Quảng Ninh");
    expect(text).not.toMatch(/Đoàn (tỉnh|thành phố) (?!Quảng Nam)/);
  });
});
