export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The first value of a query parameter, trimmed and NFC-normalised; undefined when empty. */
export function one(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  const s = v?.normalize("NFC").trim();
  return s ? s : undefined;
}

export function pageParam(value: string | string[] | undefined): number {
  const n = Number(one(value));
  return Number.isInteger(n) && n > 0 && n < 100_000 ? n : 1;
}

/** "/path?a=1&b=2" from the defined values only (for callback URLs and pagination). */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
