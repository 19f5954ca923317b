import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";

/**
 * Streamed spreadsheets (DESIGN.md): CSV in UTF-8 with a BOM so Excel opens Vietnamese correctly,
 * XLSX through exceljs's streaming writer; rows arrive page by page from an async source, so an
 * export of any size runs in constant memory.
 */
export type Pages = AsyncIterable<string[][]>;

/** A cell that Excel would read as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: string): string {
  const v = neutraliseFormula(value);
  return /[",\r\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvStream(headers: string[], pages: Pages): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const it = pages[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(enc.encode(`\uFEFF${headers.map(csvCell).join(",")}\r\n`));
        return;
      }
      const next = await it.next();
      if (next.done) return controller.close();
      controller.enqueue(enc.encode(next.value.map((row) => `${row.map(csvCell).join(",")}\r\n`).join("")));
    },
    async cancel() {
      await it.return?.(undefined);
    },
  });
}

/** Values are written as string cells, never formulas (so no apostrophe is needed, and "0912 345 678" stays text). */
export function xlsxStream(sheetName: string, headers: string[], widths: number[], pages: Pages, creator = "OCOP 2020"): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = creator;
  const ws = wb.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = headers.map((h, i) => ({ header: h, key: String(i), width: widths[i] ?? 20 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  void (async () => {
    try {
      for await (const page of pages) for (const row of page) ws.addRow(row).commit();
      ws.commit();
      await wb.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** "0912345678" → "0912 345 678": readable, and text in any spreadsheet. */
export function phoneForSheet(phone: string): string {
  return /^0\d{9}$/.test(phone) ? `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}` : phone;
}

// One formatter per language: building an Intl.DateTimeFormat per cell costs ICU time and native memory.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** "29/11/2026 07:45" in Hà Nội time. */
export function localTime(iso: string | Date | null, locale: "vi" | "en"): string {
  if (!iso) return "";
  let f = formatters.get(locale);
  if (!f) formatters.set(locale, (f = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "vi-VN", { timeZone: "Asia/Ho_Chi_Minh", dateStyle: "short", timeStyle: "short" })));
  return f.format(new Date(iso));
}
