/** Signs in to a running server the way the browser does (CSRF token, then the credentials callback). */
export type SignInResult = { status: number; cookie: string | null; ms: number; retryAfter: string | null; body: string };

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

export async function signIn(baseUrl: string, email: string, password: string, headers: Record<string, string> = {}): Promise<SignInResult> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), "x-auth-return-redirect": "1", ...headers },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/`, json: "true" }),
  });
  const body = await res.text();
  const ms = performance.now() - t0;
  const session = cookiesOf(res).find((c) => c.startsWith("next-auth.session-token=") || c.startsWith("__Secure-next-auth.session-token="));
  return { status: res.status, cookie: session ?? null, ms, retryAfter: res.headers.get("retry-after"), body };
}

/** Creates an API token for a signed-in session. */
export async function createApiToken(baseUrl: string, sessionCookie: string, name: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/tokens`, {
    method: "POST",
    headers: { cookie: sessionCookie, "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ name }),
  });
  if (res.status !== 201) throw new Error(`token creation failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
