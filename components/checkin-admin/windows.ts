/** Opening windows are typed as datetime-local values in Hà Nội time, which has had no daylight saving since 1975: always +07:00. */
const OFFSET_MS = 7 * 60 * 60 * 1000;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export const MAX_WINDOWS = 20;

/** "2020-12-17T19:30" (Hà Nội) → the instant; null when it is not a real date and time. */
export function fromLocalInput(value: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(utc);
  // Refuse rolled-over values such as 31/02 or 24:00.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || check.getUTCHours() !== h || check.getUTCMinutes() !== mi) return null;
  return new Date(utc - OFFSET_MS);
}

/** An instant → "2020-12-17T19:30" in Hà Nội, for a datetime-local input. */
export function toLocalInput(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return "";
  return new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}
