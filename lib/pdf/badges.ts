import path from "node:path";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { BadgeLayout } from "./layouts";

/** One badge as printed: everything is already in the reader's language. */
export type BadgePrintItem = {
  id: number;
  name: string; // honorific + full name, e.g. "Bà Nguyễn Thị Ánh Tuyết"
  position: string;
  organisation: string;
  delegation: string | null;
  categoryName: string;
  colour: string; // #rrggbb
  code: string; // the signed QR digits
};


/** Texts printed on every badge (the event's header, the band's word). */
export type BadgeLabels = { ministry: string; event: string; dates: string | null; band: string; badgeId: string; title: string };

const MM = 72 / 25.4;
const A6 = { w: 105 * MM, h: 148 * MM };
const A4 = { w: 210 * MM, h: 297 * MM };
const BRAND = "#14532d";
const BRAND_DARK = "#0f3d21";
const MUTED = "#57534e";

// The fonts ship with the app (assets/fonts, SIL OFL): nothing depends on the machine's fonts. pdfkit
// embeds only the glyphs used (a subset), with a ToUnicode map so the text layer can be searched.
const FONT_DIR = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "assets/fonts");
export const BADGE_FONTS = { regular: path.join(FONT_DIR, "NotoSans-Regular.ttf"), bold: path.join(FONT_DIR, "NotoSans-Bold.ttf") };

/** Black or white text, whichever reads better on the category colour (as on the badge page). */
export function inkOn(hex: string): string {
  const n = Number.parseInt(/^#[0-9a-f]{6}$/i.test(hex) ? hex.slice(1) : "888888", 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.35 ? "#111111" : "#ffffff";
}

type Doc = PDFKit.PDFDocument;
type Font = "R" | "B";

/** Greedy word wrap; a word longer than the line is cut by characters. */
function wrap(doc: Doc, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (doc.widthOfString(next) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (doc.widthOfString(line) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && doc.widthOfString(line.slice(0, cut)) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Fits a text in a box: the largest size from `max` down to `min` at which it wraps into `maxLines`;
 * at `min`, the lines that do not fit are dropped and the last one ends with "…".
 */
function fit(doc: Doc, font: Font, text: string, width: number, max: number, min: number, maxLines: number): { size: number; lines: string[] } {
  doc.font(font);
  for (let size = max; size >= min; size -= 0.5) {
    doc.fontSize(size);
    const lines = wrap(doc, text, width);
    if (lines.length <= maxLines) return { size, lines };
  }
  doc.fontSize(min);
  const lines = wrap(doc, text, width);
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last.length > 1 && doc.widthOfString(`${last}…`) > width) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return { size: min, lines: kept };
}

/** Draws fitted lines centred on `cx` from `y`; returns the y below them. */
function centred(doc: Doc, font: Font, colour: string, fitted: { size: number; lines: string[] }, cx: number, y: number, leading = 1.18): number {
  doc.font(font).fontSize(fitted.size).fillColor(colour);
  for (const line of fitted.lines) {
    doc.text(line, cx - doc.widthOfString(line) / 2, y, { lineBreak: false });
    y += fitted.size * leading;
  }
  return y;
}

/** The QR code as vector rectangles (one per run of dark modules in a row), filled as one path. */
function drawQr(doc: Doc, code: string, x: number, y: number, side: number): void {
  const qr = QRCode.create([{ data: code, mode: "numeric" }], { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const quiet = 2;
  const unit = side / (n + 2 * quiet);
  doc.save();
  doc.rect(x, y, side, side).fill("#ffffff");
  doc.translate(x + quiet * unit, y + quiet * unit).scale(unit);
  const data = qr.modules.data;
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!data[r * n + c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && data[r * n + c]) c++;
      doc.rect(start, r, c - start, 1);
    }
  }
  doc.fill("#000000");
  doc.restore();
}

/** One A6 badge with its top-left corner at (ox, oy), in the layout of the badge page. */
function drawBadge(doc: Doc, b: BadgePrintItem, labels: BadgeLabels, ox: number, oy: number): void {
  const { w, h } = A6;
  const cx = ox + w / 2;
  const pad = 7 * MM;
  const inner = w - 2 * pad;
  const ink = inkOn(b.colour);

  // Header: ministry, event, dates.
  let y = oy + 6 * MM;
  y = centred(doc, "B", BRAND, fit(doc, "B", labels.ministry.toLocaleUpperCase("vi"), inner, 7, 5.5, 1), cx, y);
  y = centred(doc, "B", "#111111", fit(doc, "B", labels.event, inner, 8.5, 6.5, 3), cx, y + 1.2 * MM, 1.2);
  if (labels.dates) centred(doc, "R", MUTED, fit(doc, "R", labels.dates, inner, 7, 5.5, 1), cx, y + 0.6 * MM);

  // Category colour band.
  const bandY = oy + 29 * MM;
  const bandH = 11 * MM;
  doc.rect(ox, bandY, w, bandH).fill(b.colour);
  const band = fit(doc, "B", labels.band, inner, 15, 10, 1);
  centred(doc, "B", ink, band, cx, bandY + (bandH - band.size * 1.36) / 2);

  // Name, position, organisation, delegation: wrapped, shrunk when long.
  y = bandY + bandH + 4 * MM;
  y = centred(doc, "B", "#111111", fit(doc, "B", b.name, inner, 18, 11, 2), cx, y, 1.15);
  y = centred(doc, "B", "#1c1917", fit(doc, "B", b.position, inner, 10, 7, 2), cx, y + 1.5 * MM);
  y = centred(doc, "R", "#1c1917", fit(doc, "R", b.organisation, inner, 10, 7, 2), cx, y);
  if (b.delegation) centred(doc, "B", BRAND_DARK, fit(doc, "B", b.delegation, inner, 10, 7, 2), cx, y + 0.8 * MM);

  // QR above the footer, with the badge id under it.
  const footH = 9 * MM;
  const side = 44 * MM;
  const qrY = oy + h - footH - 5.5 * MM - side;
  drawQr(doc, b.code, cx - side / 2, qrY, side);
  centred(doc, "R", MUTED, { size: 6.5, lines: [`${labels.badgeId} ${String(b.id).padStart(6, "0")}`] }, cx, qrY + side + 0.6 * MM);

  // Footer: the category on its colour.
  doc.rect(ox, oy + h - footH, w, footH).fill(b.colour);
  const cat = fit(doc, "B", b.categoryName, inner, 10, 6.5, 1);
  centred(doc, "B", ink, cat, cx, oy + h - footH + (footH - cat.size * 1.36) / 2);
}

/**
 * Cut marks of a 4-up sheet: the four A6 cards touch, so the cuts run along the sheet's centre lines.
 * The marks lie on those lines (ticks inside the printable area at both ends and a cross at the centre),
 * so the cut itself removes them.
 */
function drawCutMarks(doc: Doc, x0: number, y0: number): void {
  const midX = x0 + A6.w;
  const midY = y0 + A6.h;
  const tick = 6 * MM;
  const off = 5 * MM;
  const marks = () => {
    doc.moveTo(midX, off).lineTo(midX, off + tick);
    doc.moveTo(midX, A4.h - off).lineTo(midX, A4.h - off - tick);
    doc.moveTo(off, midY).lineTo(off + tick, midY);
    doc.moveTo(A4.w - off, midY).lineTo(A4.w - off - tick, midY);
    doc.moveTo(midX - 3 * MM, midY).lineTo(midX + 3 * MM, midY);
    doc.moveTo(midX, midY - 3 * MM).lineTo(midX, midY + 3 * MM);
  };
  // Black on a white halo: visible on the white header and on any category colour alike.
  doc.save().lineWidth(1.6).strokeColor("#ffffff");
  marks();
  doc.stroke().lineWidth(0.5).strokeColor("#000000");
  marks();
  doc.stroke().restore();
}

export type RenderBadgesInput = { badges: BadgePrintItem[]; layout: BadgeLayout; labels: BadgeLabels; locale: "vi" | "en" };

/**
 * One PDF of badges: one A6 page per badge, or four A6 cards per A4 sheet with cut marks. The fonts
 * are embedded and subset, QR codes are vector paths. `onProgress` gets the share done (0–1) now and then.
 */
export async function renderBadgesPdf(input: RenderBadgesInput, onProgress?: (done: number) => void): Promise<Buffer> {
  const { badges, layout, labels } = input;
  const doc = new PDFDocument({
    autoFirstPage: false, margin: 0, compress: true, lang: input.locale, displayTitle: true,
    info: { Title: labels.title, Author: labels.ministry, Creator: "OCOP", Producer: "OCOP" },
  });
  doc.registerFont("R", BADGE_FONTS.regular);
  doc.registerFont("B", BADGE_FONTS.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const perPage = layout === "a6" ? 1 : 4;
  const x0 = (A4.w - 2 * A6.w) / 2;
  const y0 = (A4.h - 2 * A6.h) / 2;
  const step = Math.max(1, Math.ceil(badges.length / 20));
  for (let i = 0; i < badges.length; i++) {
    const slot = i % perPage;
    if (slot === 0) {
      if (layout === "a6") doc.addPage({ size: [A6.w, A6.h], margin: 0 });
      else doc.addPage({ size: "A4", margin: 0 });
    }
    if (layout === "a6") drawBadge(doc, badges[i]!, labels, 0, 0);
    else {
      drawBadge(doc, badges[i]!, labels, x0 + (slot % 2) * A6.w, y0 + Math.floor(slot / 2) * A6.h);
      // Over the cards, so the colour bands do not hide them.
      if (slot === perPage - 1 || i === badges.length - 1) drawCutMarks(doc, x0, y0);
    }
    if ((i + 1) % step === 0) {
      onProgress?.((i + 1) / badges.length);
      // Let the event loop breathe between slices (pdfkit writes synchronously).
      await new Promise<void>((r) => setImmediate(r));
    }
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
