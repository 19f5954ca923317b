import type { Problem } from "./types";

/** The outcome of a JSON call: the body, a problem+json answer, or no answer at all. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; problem: Problem } | { ok: false; network: true };

/**
 * fetch for the scanner: JSON in and out, the page's language for the problem texts, and no
 * exception ever escapes (a network failure or an unreadable answer becomes a result the screen shows).
 */
export async function api<T>(locale: string, url: string, init: { method?: "GET" | "POST"; body?: unknown; signal?: AbortSignal } = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? "GET",
      headers: { Accept: "application/json, application/problem+json", "Accept-Language": locale, ...(init.body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
      cache: "no-store",
      signal: init.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    return { ok: false, network: true };
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (res.ok && body !== null) return { ok: true, data: body as T };
  const p = (body ?? {}) as Partial<Problem>;
  return {
    ok: false,
    problem: {
      status: res.status,
      title: typeof p.title === "string" ? p.title : res.statusText || String(res.status),
      detail: typeof p.detail === "string" ? p.detail : "",
      code: typeof p.code === "string" ? p.code : `http.${res.status}`,
      errors: Array.isArray(p.errors) ? p.errors : undefined,
    },
  };
}
