/** The site's public address for links in emails: NEXTAUTH_URL / AUTH_URL, else localhost:PORT (demo). */
export function publicBaseUrl(env: Record<string, string | undefined> = process.env): string {
  const url = env.NEXTAUTH_URL || env.AUTH_URL || env.PUBLIC_URL;
  if (url) return url.replace(/\/+$/, "");
  return `http://localhost:${env.PORT || 3000}`;
}
