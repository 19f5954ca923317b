import crypto from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CODE_LENGTH, encodeBadgeCode, generateBadgeKeyPair, privateKeyFromPkcs8, publicKeyFromRaw, verifyBadgeCode } from "@/lib/badges/code";
import { signLink, verifyLink } from "@/lib/links/signed";

const pair = generateBadgeKeyPair();
const priv = privateKeyFromPkcs8(pair.privateKey);
const pub = publicKeyFromRaw(pair.publicKey);
const other = generateBadgeKeyPair();

describe("signed badge codes", () => {
  const code = encodeBadgeCode({ eventId: 1, badgeId: 1234, serial: 2 }, priv);

  it("are 170 digits and verify with the event's public key", () => {
    expect(code).toMatch(/^\d{170}$/);
    expect(code.length).toBe(CODE_LENGTH);
    expect(verifyBadgeCode(code, 1, pub)).toEqual({ ok: true, badgeId: 1234, serial: 2 });
  });

  it("refuse a changed digit anywhere", () => {
    for (let i = 1; i < code.length; i += 7) {
      const d = code[i] === "9" ? "0" : String(Number(code[i]) + 1);
      const tampered = code.slice(0, i) + d + code.slice(i + 1);
      const r = verifyBadgeCode(tampered, 1, pub);
      expect(r.ok, `digit ${i}`).toBe(false);
    }
  });

  it("refuse another event's key, another event id, truncation, letters and padding", () => {
    expect(verifyBadgeCode(code, 1, publicKeyFromRaw(other.publicKey))).toEqual({ ok: false, reason: "signature" });
    expect(verifyBadgeCode(code, 2, pub)).toEqual({ ok: false, reason: "signature" });
    expect(verifyBadgeCode(code.slice(0, -1), 1, pub)).toEqual({ ok: false, reason: "format" });
    expect(verifyBadgeCode(`${code}0`, 1, pub)).toEqual({ ok: false, reason: "format" });
    expect(verifyBadgeCode(code.replace(/.$/, "a"), 1, pub)).toEqual({ ok: false, reason: "format" });
    expect(verifyBadgeCode(`2${code.slice(1)}`, 1, pub)).toEqual({ ok: false, reason: "version" });
    expect(verifyBadgeCode("", 1, pub).ok).toBe(false);
  });

  it("bind the serial: the code of serial 1 does not verify as serial 2", () => {
    const old = encodeBadgeCode({ eventId: 1, badgeId: 1234, serial: 1 }, priv);
    const forged = old.slice(0, 11) + "0002" + old.slice(15);
    expect(verifyBadgeCode(forged, 1, pub).ok).toBe(false);
  });

  it("round-trip any id and serial (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9_999_999_999 }), fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 1000 }), (badgeId, serial, eventId) => {
      const c = encodeBadgeCode({ eventId, badgeId, serial }, priv);
      expect(c).toMatch(/^\d{170}$/);
      expect(verifyBadgeCode(c, eventId, pub)).toEqual({ ok: true, badgeId, serial });
    }), { numRuns: 200 });
  });

  it("never throw on arbitrary input (property)", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => {
      expect(verifyBadgeCode(s, 1, pub).ok).toBe(false);
    }), { numRuns: 300 });
    fc.assert(fc.property(fc.stringMatching(/^\d{170}$/), (s) => {
      expect(verifyBadgeCode(s, 1, pub).ok).toBe(false);
    }), { numRuns: 100 });
  });

  it("verify with WebCrypto-compatible raw keys (what offline scanners use)", () => {
    const raw = Buffer.from(pair.publicKey, "base64url");
    expect(raw.length).toBe(32);
    const viaSpki = crypto.createPublicKey({ key: Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), raw]), format: "der", type: "spki" });
    expect(verifyBadgeCode(code, 1, viaSpki).ok).toBe(true);
  });
});

describe("signed links", () => {
  process.env.AUTH_SECRET ??= "unit-test-secret-".padEnd(48, "x");
  const future = new Date(Date.now() + 3600_000);
  it("verify for their own kind only, and expire", () => {
    const t = signLink("manage", 42, 1, future);
    expect(verifyLink("manage", t)).toMatchObject({ id: 42, e: 1, k: "manage" });
    expect(verifyLink("badge", t)).toBeNull();
    expect(verifyLink("manage", t, new Date(future.getTime() + 1000))).toBeNull();
  });
  it("refuse forgeries", () => {
    const t = signLink("invite", 7, 1, future);
    const [body, mac] = t.split(".");
    const forgedBody = Buffer.from(JSON.stringify({ k: "invite", id: 8, e: 1, exp: Math.floor(future.getTime() / 1000) })).toString("base64url");
    expect(verifyLink("invite", `${forgedBody}.${mac}`)).toBeNull();
    expect(verifyLink("invite", `${body}.${mac!.slice(0, -2)}xx`)).toBeNull();
    expect(verifyLink("invite", "garbage")).toBeNull();
    expect(verifyLink("invite", "a.b.c")).toBeNull();
  });
});

import { registrationIcs } from "@/lib/registration/ics";

describe("calendar entry", () => {
  const event = {
    id: 1, code: "ocop-2020", nameVi: "Hội nghị toàn quốc tổng kết Chương trình OCOP giai đoạn 2018–2020", nameEn: "National Conference", venueVi: "Trung tâm Hội nghị Quốc gia", venueEn: "National Convention Center",
    addressVi: "Số 57 Phạm Hùng, Nam Từ Liêm, Hà Nội", city: "Hà Nội", timezone: "Asia/Ho_Chi_Minh",
    exhibitionStartsAt: new Date("2020-12-17T01:00:00Z"), exhibitionEndsAt: new Date("2020-12-18T10:00:00Z"),
    ceremonyStartsAt: new Date("2020-12-17T12:30:00Z"), ceremonyEndsAt: new Date("2020-12-17T14:30:00Z"),
    conferenceStartsAt: new Date("2020-12-18T01:00:00Z"), conferenceEndsAt: new Date("2020-12-18T09:30:00Z"),
    isCurrent: true, createdAt: new Date(), updatedAt: new Date(),
  };
  it("has both parts in Asia/Ho_Chi_Minh local time, CRLF lines folded at 75 octets", () => {
    const ics = registrationIcs(event, { registrationId: 5, locale: "vi", manageUrl: "https://x.example/registration/abc", includeCeremony: true });
    expect(ics).toContain("DTSTART;TZID=Asia/Ho_Chi_Minh:20201217T193000");
    expect(ics).toContain("DTSTART;TZID=Asia/Ho_Chi_Minh:20201218T080000");
    expect(ics.replace(/\r\n /g, "")).toContain("SUMMARY:Lễ công bố sản phẩm OCOP 5 sao và tôn vinh\\, khen thưởng");
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const noCeremony = registrationIcs(event, { registrationId: 5, locale: "en", manageUrl: "https://x", includeCeremony: false });
    expect(noCeremony.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });
});
