import { describe, expect, it } from "vitest";
import { format, formatDate, formatLongDate, formatNumber, formatTime, messages, toLocale } from "@/lib/i18n";
import en from "@/messages/en";
import vi from "@/messages/vi";

function leaves(obj: unknown, prefix = ""): [string, unknown][] {
  if (obj && typeof obj === "object") return Object.entries(obj).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  return [[prefix, obj]];
}

describe("message catalogues", () => {
  it("vi and en have exactly the same keys and no empty text", () => {
    const viKeys = leaves(vi).map(([k]) => k).sort();
    const enKeys = leaves(en).map(([k]) => k).sort();
    expect(enKeys).toEqual(viKeys);
    for (const [k, v] of [...leaves(vi), ...leaves(en)]) {
      expect(typeof v, k).toBe("string");
      expect((v as string).trim().length, k).toBeGreaterThan(0);
    }
  });

  it("every Vietnamese text is NFC and uses the same placeholders as its English twin", () => {
    const enMap = new Map(leaves(en));
    for (const [k, v] of leaves(vi)) {
      expect((v as string).normalize("NFC"), k).toBe(v);
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ph(enMap.get(k) as string), k).toEqual(ph(v as string));
    }
  });

  it("falls back to Vietnamese for an unknown language", () => {
    expect(toLocale("fr")).toBe("vi");
    expect(toLocale(undefined)).toBe("vi");
    expect(messages(toLocale("en")).common.switchTo).toBe("Tiếng Việt");
  });
});

describe("Vietnamese conventions for dates and numbers", () => {
  const ceremony = new Date("2020-12-17T12:30:00Z");
  it("formats dates dd/mm/yyyy and times 19:30 in Asia/Ho_Chi_Minh", () => {
    expect(formatDate(ceremony)).toBe("17/12/2020");
    expect(formatTime(ceremony)).toBe("19:30");
    expect(formatDate(new Date("2020-12-17T17:30:00Z"))).toBe("18/12/2020"); // already the next day in Hà Nội
  });
  it("names the weekday", () => {
    expect(formatLongDate(ceremony, "vi")).toBe("Thứ Năm, 17/12/2020");
    expect(formatLongDate(ceremony, "en")).toBe("Thursday, 17/12/2020");
  });
  it("uses . for thousands and , for decimals in Vietnamese", () => {
    expect(formatNumber(2956, "vi")).toBe("2.956");
    expect(formatNumber(38.8, "vi", 1)).toBe("38,8");
    expect(formatNumber(2956, "en")).toBe("2,956");
  });
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("Kính gửi {name},", { name: "Bà A" })).toBe("Kính gửi Bà A,");
    expect(format("{a} {b}", { a: 1 })).toBe("1 {b}");
  });
});
