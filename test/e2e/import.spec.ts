import { test, expect, type Page } from "@playwright/test";
import vi from "../../messages/vi";

/**
 * Bulk import as a province officer does it: a file with one bad row is checked and nothing is
 * imported, the report names the row, the column and the problem in Vietnamese; the fixed file
 * is checked and imported, and the new members are in the delegation.
 */
const m = vi.importPage;

async function signIn(page: Page, email: string) {
  await page.getByLabel(vi.signIn.email, { exact: true }).fill(email);
  await page.getByLabel(vi.signIn.password, { exact: true }).fill("Demo@2020");
  await page.getByRole("button", { name: vi.signIn.submit, exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}

const HEADER = "Mã loại đại biểu,Danh xưng (Ông/Bà),Họ đệm,Tên,Chức vụ,\"Cơ quan, đơn vị\",Email,Điện thoại di động,needs_hotel";
const file = (rows: string[]) => ({ name: "doan-quang-ninh.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${HEADER}\n${rows.join("\n")}\n`, "utf8") });

test("một cán bộ tỉnh nhập danh sách: lỗi một dòng thì không nhập gì, sửa rồi nhập", { tag: "@desktop" }, async ({ page }) => {
  // Only in the desktop project (tag @desktop, playwright.config.ts): one run is enough: the page is the same on a phone.
  const tag = Date.now().toString(36);
  const good = (given: string, i: number) => `so-nnptnt,Bà,Trịnh Thị,${given},Chuyên viên,Sở NN&PTNT Quảng Ninh,nhap-${tag}-${i}@example.vn,0912 345 67${i},có`;
  await page.goto("/portal");
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, "quangninh@ocop.example");
  await page.getByRole("link", { name: m.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: m.title })).toBeVisible();

  await page.getByLabel(m.file).setInputFiles(file([good("Ánh", 1), `so-nnptnt,Bà,Trịnh Thị,Bích,Chuyên viên,Sở NN&PTNT,khong-phai-email,0912 345 672,có`, good("Cúc", 3)]));
  await page.getByRole("button", { name: m.check }).click();
  const errors = page.getByTestId("import-errors");
  await expect(errors).toBeVisible();
  await expect(errors.getByRole("row").nth(1)).toContainText("3");
  await expect(errors.getByRole("row").nth(1)).toContainText("email");
  await expect(errors.getByRole("row").nth(1)).toContainText(vi.fields.email);
  await expect(page.getByRole("button", { name: m.import })).toBeDisabled();

  // Bích has no personal email (an office address is shared): allowed in a delegation.
  const noEmail = `so-nnptnt,Bà,Trịnh Thị,Bích,Chuyên viên,Sở NN&PTNT Quảng Ninh,,0912 345 672,có`;
  await page.getByLabel(m.file).setInputFiles(file([good("Ánh", 1), noEmail, good("Cúc", 3)]));
  await page.getByRole("button", { name: m.check }).click();
  await expect(page.getByText(m.allValid)).toBeVisible();
  // Held for a moment on its way, the import shows its progress bar and words.
  await page.route("**/api/v1/registrations/import", async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  await page.getByRole("button", { name: m.import }).click();
  await expect(page.getByTestId("import-progress").getByRole("progressbar")).toBeVisible();
  await expect(page.getByTestId("import-progress").getByRole("status")).not.toBeEmpty();
  await expect(page.getByText(m.imported.replace("{count}", "3"))).toBeVisible();
  await expect(page.getByTestId("import-progress")).toHaveCount(0);
  await page.unroute("**/api/v1/registrations/import");

  // The delegation's contact person receives the badges of members without email.
  const c = vi.contact;
  await page.goto("/portal");
  await expect(page.getByText("Trịnh Thị Bích").first()).toBeVisible();
  await expect(page.getByText(vi.delegate.noEmail).first()).toBeVisible();
  const contact = page.getByTestId("contact");
  await contact.getByLabel(c.email).fill("khong-hop-le");
  await contact.getByRole("button", { name: c.save }).click();
  await expect(contact.getByText(vi.fields.email)).toBeVisible(); // field-level error, nothing saved
  await contact.getByLabel(c.name).fill("Trần Văn Bình");
  await contact.getByLabel(c.position).fill("Chánh Văn phòng Sở");
  await contact.getByLabel(c.email).fill(`vanphong-${tag}@quangninh.gov.vn`);
  await contact.getByLabel(c.phone).fill("0912 345 678");
  await contact.getByRole("button", { name: c.save }).click();
  await expect(page.getByTestId("contact-current")).toContainText(`vanphong-${tag}@quangninh.gov.vn`);
  await contact.getByRole("link", { name: c.send }).click();
  const confirm = page.getByTestId("contact-send-confirm");
  await expect(confirm).toContainText(`vanphong-${tag}@quangninh.gov.vn`);
  await confirm.getByRole("button", { name: c.send }).click();
  await expect(page.getByRole("status").filter({ hasText: `vanphong-${tag}@quangninh.gov.vn` })).toBeVisible();
  // The server's job draws the PDF and sends the email; the portal then offers the PDF.
  await expect.poll(async () => {
    await page.reload();
    return page.getByTestId("contact-last").textContent();
  }, { timeout: 20_000 }).toContain(c.lastStatus.succeeded);
  const href = await page.getByTestId("contact-last").getByRole("link", { name: c.download }).getAttribute("href");
  const pdf = await page.request.get(href!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
});
