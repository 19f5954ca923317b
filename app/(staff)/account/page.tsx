import type { Metadata } from "next";
import Link from "next/link";
import { problemText } from "@/components/staff/form-errors";
import { formatDateTime } from "@/components/staff/format";
import { one, pageParam, type SearchParams } from "@/components/staff/search-params";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { requirePageUser } from "@/lib/auth/page";
import { format, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { unitName } from "@/lib/reference/units";
import { listTokens } from "@/lib/tokens/tokens";
import { changePasswordAction, createTokenAction, revokeTokenAction } from "./actions";
import { PasswordForm } from "./password-form";
import { TokenForm } from "./token-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.account.title };
}

/** The signed-in user's own page: details, password change, API tokens (revoke asks first: ?revoke=<id>). */
export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const { ctx, me } = await requirePageUser("account.self", "/account");
  const t = messages(ctx.locale);
  const tt = t.account.tokens;
  const [unit, tokens] = await Promise.all([unitName(ctx, me), listTokens(ctx)]);
  const confirmId = one(sp.revoke) ? pageParam(sp.revoke) : null;
  const revokedId = one(sp.revoked) ? pageParam(sp.revoked) : null;
  const revoked = revokedId ? tokens.find((tok) => tok.id === revokedId) : undefined;
  const error = problemText(one(sp.error), ctx.locale);

  return (
    <>
      <h1 className={ui.h1}>{t.account.title}</h1>
      {error && <Notice tone="error" className="mt-4">{error}</Notice>}

      <section aria-labelledby="profile-title" className={cx(ui.card, "mt-6")}>
        <h2 id="profile-title" className={ui.h2}>{t.account.profileTitle}</h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t.account.name}</dt><dd>{me.name}</dd>
          <dt className="font-semibold">{t.account.email}</dt><dd className="break-all">{me.email}</dd>
          <dt className="font-semibold">{t.account.role}</dt><dd>{t.roles[me.role]}</dd>
          <dt className="font-semibold">{t.account.unit}</dt><dd>{unit ?? t.staff.none}</dd>
        </dl>
      </section>

      <section aria-labelledby="password-title" className={cx(ui.card, "mt-6")}>
        <h2 id="password-title" className={ui.h2}>{t.account.password.title}</h2>
        <p className="mt-1 text-sm text-muted">{t.account.password.note}</p>
        <div className="mt-4">
          <PasswordForm action={changePasswordAction} email={me.email} labels={t.account.password} />
        </div>
      </section>

      <section aria-labelledby="tokens-title" className={cx(ui.card, "mt-6")}>
        <h2 id="tokens-title" className={ui.h2}>{tt.title}</h2>
        <p className="mt-1 text-sm text-muted">{tt.intro}</p>
        {revoked && <Notice tone="success" className="mt-4">{format(tt.revokedDone, { name: revoked.name })}</Notice>}
        <div className="mt-4">
          <TokenForm key={`${confirmId ?? ""}-${revokedId ?? ""}`} action={createTokenAction} labels={tt} />
        </div>
        {tokens.length === 0 ? (
          <p className="mt-6 text-muted">{tt.empty}</p>
        ) : (
          <div className="mt-6 relative overflow-x-auto" role="region" aria-labelledby="tokens-caption" tabIndex={0}>
            <table className={ui.table}>
              <caption id="tokens-caption" className="mb-2 text-left font-semibold">{tt.caption}</caption>
              <thead>
                <tr>
                  <th scope="col" className={ui.th}>{tt.name}</th>
                  <th scope="col" className={ui.th}>{tt.prefix}</th>
                  <th scope="col" className={ui.th}>{tt.created}</th>
                  <th scope="col" className={ui.th}>{tt.lastUsed}</th>
                  <th scope="col" className={ui.th}>{tt.status}</th>
                  <th scope="col" className={ui.th}><span className="sr-only">{tt.revoke}</span></th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((tok) => (
                  <tr key={tok.id} data-testid={`token-${tok.id}`}>
                    <th scope="row" className={cx(ui.td, "font-semibold")}>{tok.name}</th>
                    <td className={cx(ui.td, "font-mono text-xs")}>{tok.prefix}…</td>
                    <td className={cx(ui.td, "whitespace-nowrap")}>{formatDateTime(tok.createdAt)}</td>
                    <td className={cx(ui.td, "whitespace-nowrap")}>{formatDateTime(tok.lastUsedAt, t.staff.never)}</td>
                    <td className={ui.td}>{tok.revoked ? tt.revoked : tt.active}</td>
                    <td className={ui.td}>
                      {tok.revoked ? null : confirmId === tok.id ? (
                        <form action={revokeTokenAction} className="min-w-64 rounded border-2 border-red-700 bg-red-50 p-3">
                          <input type="hidden" name="id" value={tok.id} />
                          <p className="text-sm font-semibold text-red-950">{format(tt.revokeConfirm, { name: tok.name, prefix: tok.prefix })}</p>
                          <div className="mt-2 flex flex-wrap gap-2">
                            <SubmitButton tone="danger" pendingLabel={t.staff.saving} autoFocus>{tt.revokeConfirmButton}</SubmitButton>
                            <Link href="/account" scroll={false} className={cx(ui.button, ui.secondary)}>{t.staff.cancel}</Link>
                          </div>
                        </form>
                      ) : (
                        <Link href={`/account?revoke=${tok.id}`} scroll={false} aria-label={format(tt.revokeFor, { name: tok.name })} className={cx(ui.button, ui.secondary)}>
                          {tt.revoke}
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
