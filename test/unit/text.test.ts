import { describe, expect, it } from "vitest";
import { compareVi, hasControlCharacters, searchKey, toNfc } from "@/lib/text/normalize";

describe("Vietnamese text", () => {
  it("builds a search key without diacritics, đ→d, lower case", () => {
    expect(searchKey("Đỗ Thị Ánh Tuyết")).toBe("do thi anh tuyet");
    expect(searchKey("  Bà Rịa -  Vũng Tàu ")).toBe("ba ria - vung tau");
    expect(searchKey("THỪA THIÊN HUẾ")).toBe("thua thien hue");
  });

  it("normalises decomposed Unicode to NFC", () => {
    const decomposed = "Nguye\u0302\u0303n";
    expect(decomposed).not.toBe("Nguyễn");
    expect(toNfc(decomposed)).toBe("Nguyễn");
    expect(searchKey(decomposed)).toBe("nguyen");
  });

  it("detects control characters but allows newlines and tabs", () => {
    expect(hasControlCharacters("a\u0000b")).toBe(true);
    expect(hasControlCharacters("a\u007fb")).toBe(true);
    expect(hasControlCharacters("dòng 1\ndòng 2\tx")).toBe(false);
  });

  it("sorts by tên then họ đệm in DOMAIN.md order", () => {
    const expected = ["Đỗ Văn An", "Nguyễn Văn An", "Lê Thị Ánh", "Võ Thị Ăn", "Phạm Thị Ân", "Nguyễn Thị Bảo", "Bùi Văn Dũng", "Hoàng Duy", "Trần Văn Đức"];
    const people = [...expected].reverse().map((full) => {
      const parts = full.split(" ");
      return { given: parts.pop()!, family: parts.join(" "), full };
    });
    people.sort((a, b) => compareVi(a.given, b.given) || compareVi(a.family, b.family));
    expect(people.map((p) => p.full)).toEqual(expected);
  });
});
