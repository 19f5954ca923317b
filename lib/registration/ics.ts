import type { EventRow } from "./common";

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** Local wall time in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) for TZID fields. */
function local(d: Date): string {
  return stamp(new Date(d.getTime() + 7 * 3600_000)).replace("Z", "");
}

function escapeText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Lines longer than 75 octets are folded (RFC 5545 §3.1). */
function fold(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  for (const ch of line) {
    if (Buffer.byteLength(current + ch, "utf8") > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = ch;
    } else current += ch;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** A calendar file with the evening ceremony and the conference day, in Asia/Ho_Chi_Minh. */
export function registrationIcs(event: EventRow, opts: { registrationId: number; locale: "vi" | "en"; manageUrl: string; includeCeremony: boolean; now?: Date }): string {
  const en = opts.locale === "en";
  const now = opts.now ?? new Date();
  const place = `${en ? event.venueEn : event.venueVi}, ${event.addressVi}`;
  const items = [
    ...(opts.includeCeremony ? [{ uid: "ceremony", start: event.ceremonyStartsAt, end: event.ceremonyEndsAt, title: en ? "OCOP announcement and honours ceremony" : "Lễ công bố sản phẩm OCOP 5 sao và tôn vinh, khen thưởng" }] : []),
    { uid: "conference", start: event.conferenceStartsAt, end: event.conferenceEndsAt, title: en ? event.nameEn : event.nameVi },
  ];
  const lines = [
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//MARD//OCOP Conference 2020//VI", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
    "BEGIN:VTIMEZONE", "TZID:Asia/Ho_Chi_Minh", "BEGIN:STANDARD", "DTSTART:19750613T000000", "TZOFFSETFROM:+0700", "TZOFFSETTO:+0700", "TZNAME:ICT", "END:STANDARD", "END:VTIMEZONE",
    ...items.flatMap((it) => [
      "BEGIN:VEVENT",
      `UID:${event.code}-${opts.registrationId}-${it.uid}@ocop.example`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;TZID=Asia/Ho_Chi_Minh:${local(it.start)}`,
      `DTEND;TZID=Asia/Ho_Chi_Minh:${local(it.end)}`,
      `SUMMARY:${escapeText(it.title)}`,
      `LOCATION:${escapeText(place)}`,
      `DESCRIPTION:${escapeText(`${en ? "Manage your registration" : "Quản lý đăng ký"}: ${opts.manageUrl}`)}`,
      `URL:${opts.manageUrl}`,
      "END:VEVENT",
    ]),
    "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
