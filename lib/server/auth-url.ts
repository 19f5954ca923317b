import type { Env } from "./env";
import { isDemo } from "./secrets";
import { StartupError } from "./startup-error";

/**
 * next-auth needs its public URL. Production must set NEXTAUTH_URL (or AUTH_URL); the demo trusts
 * the request's Host header, so it works on localhost, 127.0.0.1 or a LAN address alike.
 */
export function configureAuthUrl(env: Env = process.env): void {
  const url = env.NEXTAUTH_URL || env.AUTH_URL;
  if (url) {
    try {
      const u = new URL(url);
      if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("protocol");
    } catch {
      throw new StartupError(
        `NEXTAUTH_URL="${url}" không hợp lệ: hãy dùng địa chỉ đầy đủ, ví dụ https://hoinghi-ocop.example.vn.`,
        `NEXTAUTH_URL="${url}" is not valid: use a full address, e.g. https://hoinghi-ocop.example.vn.`,
      );
    }
    env.NEXTAUTH_URL = url;
    return;
  }
  if (isDemo(env)) {
    env.AUTH_TRUST_HOST = "true";
    return;
  }
  throw new StartupError(
    "Thiếu NEXTAUTH_URL: khi chạy thật, hãy đặt địa chỉ công khai của trang (ví dụ https://hoinghi-ocop.example.vn).",
    "NEXTAUTH_URL is missing: when running for real, set the site's public address (e.g. https://hoinghi-ocop.example.vn).",
  );
}
