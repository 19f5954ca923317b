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

import { nameSortKey } from "@/lib/text/sort-key";

describe("stored Vietnamese sort key", () => {
  const names = ["Đỗ Văn An", "Nguyễn Văn An", "Lê Thị Ánh", "Võ Thị Ăn", "Phạm Thị Ân", "Nguyễn Thị Bảo", "Bùi Văn Dũng", "Hoàng Duy", "Trần Văn Đức"];
  const split = (full: string) => {
    const parts = full.split(" ");
    const given = parts.pop()!;
    return { given, family: parts.join(" ") };
  };
  const byKey = (list: string[]) => [...list].sort((a, b) => {
    const ka = nameSortKey(split(a).given, split(a).family);
    const kb = nameSortKey(split(b).given, split(b).family);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });

  it("orders the DOMAIN.md list exactly", () => {
    expect(byKey([...names].reverse())).toEqual(names);
    expect(byKey([...names].sort())).toEqual(names);
  });

  it("agrees with Intl.Collator('vi') on tones, vowels, đ and prefixes", () => {
    const given = ["a", "à", "ả", "ã", "á", "ạ", "ă", "ằ", "â", "ấ", "b", "d", "đ", "e", "ê", "ề", "o", "ô", "ơ", "ớ", "u", "ư", "ừ", "y", "An", "Anh", "Ánh", "Ăn", "Ân", "Bảo", "Bao", "Dũng", "Duy", "Đức", "Hà", "Hải", "Hạnh", "Hằng", "Hương", "Hưng", "Hùng", "Thuỷ", "Thủy", "Thùy", "Tú", "Tư", "Từ"];
    const collator = new Intl.Collator("vi");
    const expected = [...given].sort((x, y) => collator.compare(x, y));
    const actual = [...given].sort((x, y) => {
      const kx = nameSortKey(x, "");
      const ky = nameSortKey(y, "");
      return kx < ky ? -1 : kx > ky ? 1 : 0;
    });
    expect(actual).toEqual(expected);
  });
});
