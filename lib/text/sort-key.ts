/**
 * A stored sort key that orders Vietnamese names as Intl.Collator("vi") does, byte by byte
 * (ORDER BY sort_key COLLATE "C"), since Postgres has no Vietnamese collation and PGlite no ICU.
 * Levels as in the collator: letters (Vietnamese alphabet), then tones, then case.
 */
const ALPHABET = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"];
const PRIMARY = new Map(ALPHABET.map((l, i) => [l, String.fromCharCode(0x41 + i)])); // "A".."a"+: letters sort after digits
const TONES = new Map([["", "0"], ["\u0300", "1"], ["\u0309", "2"], ["\u0303", "3"], ["\u0301", "4"], ["\u0323", "5"]]);
const MODIFIERS = new Set(["\u0306", "\u0302", "\u031b"]); // breve, circumflex, horn: part of the letter

function wordKey(text: string): { primary: string; secondary: string; tertiary: string } {
  let primary = "";
  let secondary = "";
  let tertiary = "";
  const chars = [...text.normalize("NFD")];
  for (let i = 0; i < chars.length; i++) {
    const base = chars[i]!;
    if (/\p{M}/u.test(base)) continue;
    let letter = base;
    let tone = "";
    while (i + 1 < chars.length && /\p{M}/u.test(chars[i + 1]!)) {
      const mark = chars[++i]!;
      if (MODIFIERS.has(mark)) letter += mark;
      else if (TONES.has(mark)) tone = mark;
    }
    const composed = letter.normalize("NFC");
    const lower = composed.toLowerCase();
    const p = PRIMARY.get(lower);
    if (p) {
      primary += p;
      secondary += TONES.get(tone)!;
      tertiary += composed === lower ? "0" : "1";
    } else if (/\s/.test(base)) {
      primary += " ";
      secondary += " ";
      tertiary += " ";
    } else if (/\d/.test(base)) {
      primary += base; // "0".."9" sort before letters
      secondary += "0";
      tertiary += "0";
    } else {
      // Punctuation ("-", "'") is ignored at the first level, as the collator does.
      continue;
    }
  }
  return { primary, secondary, tertiary };
}

/** Key for sorting by tên, then họ đệm. */
export function nameSortKey(givenName: string, familyName: string): string {
  const g = wordKey(givenName);
  const f = wordKey(familyName);
  // "!" (0x21) is below every letter and digit code, so "An" sorts before "Anh".
  return `${g.primary}!${f.primary}!${g.secondary}!${f.secondary}!${g.tertiary}!${f.tertiary}`;
}
