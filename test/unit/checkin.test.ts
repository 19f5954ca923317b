import { describe, expect, it } from "vitest";
import { neutraliseFormula, phoneForSheet } from "@/lib/export/tabular";
import { isOpenAt } from "@/lib/checkin/checkpoints";
import { scanTime } from "@/lib/checkin/redeem-badge";
import { ValidationError } from "@/lib/errors";

describe("checkpoint opening windows", () => {
  const w = (a: string, b: string) => ({ opensAt: new Date(a), closesAt: new Date(b) });
  it("is open at any time without windows, and inside a window only (start included, end excluded)", () => {
    expect(isOpenAt({ windows: [] }, new Date())).toBe(true);
    const cp = { windows: [w("2020-12-17T11:00:00Z", "2020-12-17T15:00:00Z"), w("2020-12-18T00:00:00Z", "2020-12-18T05:00:00Z")] };
    expect(isOpenAt(cp, new Date("2020-12-17T11:00:00Z"))).toBe(true);
    expect(isOpenAt(cp, new Date("2020-12-17T14:59:59Z"))).toBe(true);
    expect(isOpenAt(cp, new Date("2020-12-17T15:00:00Z"))).toBe(false);
    expect(isOpenAt(cp, new Date("2020-12-17T20:00:00Z"))).toBe(false);
    expect(isOpenAt(cp, new Date("2020-12-18T04:00:00Z"))).toBe(true);
  });
});

describe("scan time", () => {
  const now = new Date("2020-12-18T01:00:00Z");
  it("defaults to now, keeps a queued scan's earlier time, refuses the future beyond clock skew", () => {
    expect(scanTime(undefined, now)).toBe(now);
    expect(scanTime("2020-12-17T23:00:00Z", now).toISOString()).toBe("2020-12-17T23:00:00.000Z");
    expect(scanTime("2020-12-18T01:04:00Z", now).toISOString()).toBe("2020-12-18T01:04:00.000Z");
    expect(() => scanTime("2020-12-18T01:06:00Z", now)).toThrow(ValidationError);
  });
});

describe("spreadsheet cells", () => {
  it("neutralises what Excel would run as a formula, and nothing else", () => {
    for (const v of ["=1+1", "+84912345678", "-2", "@SUM(A1)", "\t=x", "\r=x"]) expect(neutraliseFormula(v)).toBe(`'${v}`);
    for (const v of ["Nguyễn Văn An", "0912345678", "a=b", ""]) expect(neutraliseFormula(v)).toBe(v);
  });
  it("writes phones grouped, so a spreadsheet keeps them as text with the leading zero", () => {
    expect(phoneForSheet("0912345678")).toBe("0912 345 678");
    expect(phoneForSheet("+8412")).toBe("+8412");
  });
});

describe("the API's language", () => {
  it("follows the saved choice the pages use, then Accept-Language, then Vietnamese", async () => {
    const { requestLocale } = await import("@/lib/http/locale");
    const h = (o: Record<string, string>) => new Headers(o);
    expect(requestLocale(h({ cookie: "a=1; locale=vi", "accept-language": "en-GB,en" }))).toBe("vi");
    expect(requestLocale(h({ cookie: "locale=en", "accept-language": "vi" }))).toBe("en");
    expect(requestLocale(h({ cookie: "locale=fr", "accept-language": "en-US" }))).toBe("en");
    expect(requestLocale(h({ "accept-language": "fr, en;q=0.5" }))).toBe("en");
    // A signed-in browser that never chose: Vietnamese, like its pages.
    expect(requestLocale(h({ cookie: "next-auth.session-token=x", "accept-language": "en-US" }))).toBe("vi");
    expect(requestLocale(h({ cookie: "next-auth.session-token=x; locale=en", "accept-language": "vi" }))).toBe("en");
    expect(requestLocale(h({}))).toBe("vi");
  });
});
