import { format, messages, type Locale } from "@/lib/i18n";
import { DomainError, RateLimitedError, ValidationError, type FieldError } from "@/lib/errors";
import { log } from "@/lib/server/log";

const TITLES: Record<number, [string, string]> = {
  400: ["Yêu cầu không hợp lệ", "Bad request"],
  401: ["Chưa đăng nhập", "Unauthorized"],
  403: ["Không có quyền", "Forbidden"],
  404: ["Không tìm thấy", "Not found"],
  405: ["Phương thức không được hỗ trợ", "Method not allowed"],
  409: ["Xung đột dữ liệu", "Conflict"],
  410: ["Không còn hiệu lực", "Gone"],
  413: ["Nội dung quá lớn", "Payload too large"],
  415: ["Kiểu nội dung không được hỗ trợ", "Unsupported media type"],
  422: ["Dữ liệu không hợp lệ", "Unprocessable content"],
  429: ["Quá nhiều yêu cầu", "Too many requests"],
  500: ["Lỗi máy chủ", "Internal server error"],
};

/** "fields.tooLong|max=120" → "Tối đa 120 ký tự." in the reader's language. */
export function translateKey(key: string, locale: Locale): string {
  const [path, ...rawParams] = key.split("|");
  const params = Object.fromEntries(rawParams.map((p) => p.split("=", 2) as [string, string]));
  const t = messages(locale);
  const [section, name] = (path ?? "").split(".", 2) as [string, string];
  if (section === "fields" && name && name in t.fields) return format(t.fields[name as keyof typeof t.fields], params);
  if (path && path in t.problems) return format(t.problems[path as keyof typeof t.problems], params);
  return key;
}

export function translateFieldErrors(errors: FieldError[], locale: Locale): FieldError[] {
  return errors.map((e) => ({ ...e, message: translateKey(e.message, locale) }));
}

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  requestId?: string;
};

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

/** RFC 9457 problem+json for any error: typed domain errors keep their status and code; anything else is a polite 500. */
export function toProblemResponse(e: unknown, locale: Locale, requestId?: string): Response {
  const en = locale === "en" ? 1 : 0;
  if (e instanceof DomainError) {
    const t = messages(locale);
    const detail = e.code in t.problems ? format(t.problems[e.code as keyof typeof t.problems], e.params) : e.code;
    const problem: Problem = { type: "about:blank", title: (TITLES[e.status] ?? TITLES[400]!)[en]!, status: e.status, detail, code: e.code, requestId };
    if (e instanceof ValidationError) problem.errors = translateFieldErrors(e.errors, locale);
    const headers: Record<string, string> = {};
    if (e instanceof RateLimitedError) headers["Retry-After"] = String(e.retryAfterSeconds);
    return problemResponse(problem, headers);
  }
  log.error("api.unexpected_error", { requestId, error: (e as Error)?.message ?? String(e), stack: (e as Error)?.stack?.split("\n").slice(0, 6).join(" | ") });
  return problemResponse({
    type: "about:blank", title: TITLES[500]![en]!, status: 500, code: "server.error",
    detail: format(messages(locale).problems["server.error"], { requestId: requestId ?? "-" }), requestId,
  });
}
