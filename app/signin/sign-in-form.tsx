"use client";

import { useRef, useState, type FormEvent } from "react";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";

export type SignInLabels = {
  email: string; password: string; submit: string; submitting: string;
  invalid: string; network: string; throttled: string; required: string; emailInvalid: string;
};

type Errors = { email?: string; password?: string; form?: string };

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/**
 * Email + password sign-in against next-auth's credentials callback, posted by hand (not through
 * signIn()) so a throttled attempt (429 + Retry-After) can say how long to wait.
 */
export function SignInForm({ target, locale, labels, defaultEmail }: { target: string; locale: string; labels: SignInLabels; defaultEmail?: string }) {
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    const data = new FormData(e.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const next: Errors = {};
    if (!email) next.email = labels.required;
    else if (!/^[^\s@]+@[^\s@]+$/.test(email)) next.email = labels.emailInvalid;
    if (!password) next.password = labels.required;
    if (next.email || next.password) {
      setErrors(next);
      (next.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const csrf = await fetch("/api/auth/csrf", { cache: "no-store", headers: { Accept: "application/json" } });
      const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
      const res = await fetch("/api/auth/callback/credentials", {
        method: "POST",
        cache: "no-store",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/json",
          "Accept-Language": locale,
          "X-Auth-Return-Redirect": "1",
        },
        body: new URLSearchParams({ csrfToken: csrfToken ?? "", email, password, callbackUrl: target, json: "true" }),
      });
      if (res.status === 429) {
        const seconds = Math.max(1, Math.ceil(Number(res.headers.get("Retry-After")) || 60));
        fail(fill(labels.throttled, { seconds }));
        return;
      }
      const body = res.ok ? ((await res.json().catch(() => null)) as { url?: string } | null) : null;
      const url = body?.url ? new URL(body.url, window.location.href) : null;
      // next-auth answers 200 with the error page's URL (…?error=CredentialsSignin) when the password is wrong.
      if (!url || url.searchParams.has("error") || url.searchParams.has("csrf")) {
        fail(res.ok || res.status === 401 ? labels.invalid : labels.network);
        return;
      }
      window.location.assign(target);
    } catch {
      fail(labels.network);
    }
  }

  function fail(message: string) {
    setPending(false);
    setErrors({ form: message });
    if (passwordRef.current) {
      passwordRef.current.value = "";
      passwordRef.current.focus();
    }
  }

  return (
    <form method="post" action="/api/auth/callback/credentials" onSubmit={onSubmit} noValidate className="space-y-4">
      {errors.form && <Notice tone="error">{errors.form}</Notice>}
      <TextField
        ref={emailRef} name="email" type="email" label={labels.email} error={errors.email} defaultValue={defaultEmail}
        autoComplete="username" inputMode="email" spellCheck={false} autoCapitalize="none" required
      />
      <TextField ref={passwordRef} name="password" type="password" label={labels.password} error={errors.password} autoComplete="current-password" required />
      <button type="submit" disabled={pending} className={cx(ui.button, ui.primary, "w-full")}>
        {pending ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
