/**
 * Where to go after signing in: only a path on this site ("/admin/users?q=a"), never another
 * origin ("//evil.example", "/\evil.example", "https://…") and never the sign-in page itself.
 */
export function safeCallbackPath(value: string | null | undefined): string | null {
  if (!value || value.length > 2000) return null;
  let path = value;
  // next-auth may hand back an absolute URL of this site; keep only its path.
  if (/^https?:\/\//i.test(path)) return null;
  if (!/^\/(?![/\\])[^\s\\]*$/.test(path)) return null;
  path = path.replace(/#.*$/, "");
  if (/^\/signin(?:[/?]|$)/.test(path)) return null;
  return path;
}
