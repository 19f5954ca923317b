/** Vietnamese text conventions (DOMAIN.md): store NFC, search with a key without diacritics. */

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export function toNfc(value: string): string {
  return value.normalize("NFC");
}

export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}

/** NFD, strip combining marks, đ→d, lower case, collapse spaces: "Đỗ Thị Ánh" → "do thi anh". */
export function searchKey(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const collator = new Intl.Collator("vi", { sensitivity: "variant", numeric: true });

/** Compares Vietnamese strings the way a Vietnamese reader sorts them. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}
