import type { Metadata } from "next";
import Link from "next/link";
import { problemText } from "@/components/staff/form-errors";
import { formatDateTime } from "@/components/staff/format";
import { one, pageParam, type SearchParams } from "@/components/staff/search-params";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { requirePageUser } from "@/lib/auth/page";
import { listCategories } from "@/lib/categories/categories";
import { format, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { listInvitations } from "@/lib/registration/invitations";
import { inviteOneAction, invitePasteAction, resendInvitationAction, revokeInvitationAction } from "./actions";
import { InviteForm, type InviteFormLabels } from "./invite-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.adminInvitations.title };
}

const STATUS_TONE: Record<string, string> = { sent: "bg-blue-100 text-blue-950", accepted: "bg-green-100 text-green-900", revoked: "bg-stone-200 text-stone-800" };

/** Invitations (registrations.manage): invite one person or a pasted list into an invitation-only category; resend, withdraw (asks first: ?revoke=<id>). */
export default async function InvitationsPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const { ctx } = await requirePageUser("registrations.manage", "/admin/invitations");
  const t = messages(ctx.locale);
  const a = t.adminInvitations;
  const [categories, invitations] = await Promise.all([listCategories(ctx), listInvitations(ctx)]);
  const inviteCategories = categories.filter((c) => c.invitationOnly).map((c) => ({ value: c.code, label: c.name }));
  const categoryNames = new Map(categories.map((c) => [c.code, c.name]));
  const confirmId = one(sp.revoke) ? pageParam(sp.revoke) : null;
  const resent = one(sp.resent) ? invitations.find((i) => i.id === pageParam(sp.resent)) : undefined;
  const revoked = one(sp.revoked) ? invitations.find((i) => i.id === pageParam(sp.revoked)) : undefined;
  const error = problemText(one(sp.error), ctx.locale);
  const labels = (submit: string): InviteFormLabels => ({
    category: a.category, email: a.email, honorific: a.honorific, honorificNone: a.honorificNone, ong: t.delegate.honorifics.ong, ba: t.delegate.honorifics.ba,
    familyName: a.familyName, givenName: a.givenName, position: a.position, organisation: a.organisation, optional: t.staff.optional,
    pasteLabel: a.pasteLabel, pasteHint: a.pasteHint, submit, pending: a.sending,
  });

  return (
    <>
      <h1 className={ui.h1}>{a.title}</h1>
      <p className="mt-1 text-muted">{a.intro}</p>
      {resent && <Notice tone="success" className="mt-4">{format(a.resent, { email: resent.email })}</Notice>}
      {revoked && <Notice tone="success" className="mt-4">{format(a.revoked, { email: revoked.email })}</Notice>}
      {error && <Notice tone="error" className="mt-4">{error}</Notice>}

      {inviteCategories.length === 0 ? (
        <p className={cx(ui.card, "mt-6 text-muted")}>{a.noCategories}</p>
      ) : (
        <div className="mt-6 grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="single-title" className={ui.card}>
            <h2 id="single-title" className={ui.h2}>{a.singleTitle}</h2>
            <div className="mt-4"><InviteForm variant="single" action={inviteOneAction} categories={inviteCategories} labels={labels(a.send)} /></div>
          </section>
          <section aria-labelledby="paste-title" className={ui.card}>
            <h2 id="paste-title" className={ui.h2}>{a.pasteTitle}</h2>
            <div className="mt-4"><InviteForm variant="paste" action={invitePasteAction} categories={inviteCategories} labels={labels(a.pasteSend)} /></div>
          </section>
        </div>
      )}

      <section aria-labelledby="list-title" className="mt-8">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="list-title" className={ui.h2}>{a.listTitle}</h2>
          <p className="text-sm text-muted" role="status">{format(t.staff.results, { total: invitations.length })}</p>
        </div>
        {invitations.length === 0 ? (
          <p className={cx(ui.card, "mt-3 text-muted")}>{a.empty}</p>
        ) : (
          <div className={cx("mt-3", ui.tableScroll)} role="region" aria-labelledby="list-title" tabIndex={0}>
            <table className={cx(ui.table, "min-w-[56rem]")}>
              <thead>
                <tr>
                  <th scope="col" className={ui.th}>{a.email}</th>
                  <th scope="col" className={ui.th}>{a.name}</th>
                  <th scope="col" className={ui.th}>{a.category}</th>
                  <th scope="col" className={ui.th}>{a.status}</th>
                  <th scope="col" className={ui.th}>{a.sentCount}</th>
                  <th scope="col" className={ui.th}>{a.createdAt}</th>
                  <th scope="col" className={ui.th}>{a.expiresAt}</th>
                  <th scope="col" className={ui.th}>{a.actions}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((inv) => {
                  const status = inv.status as keyof typeof a.statuses;
                  return (
                    <tr key={inv.id}>
                      <th scope="row" className={cx(ui.td, "break-all font-semibold")}>{inv.email}</th>
                      <td className={ui.td}>{inv.name ?? t.staff.none}</td>
                      <td className={ui.td}>{categoryNames.get(inv.categoryCode) ?? inv.categoryCode}</td>
                      <td className={ui.td}>
                        <span className={cx("whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold", STATUS_TONE[inv.status])}>{a.statuses[status] ?? inv.status}</span>
                      </td>
                      <td className={cx(ui.td, "tabular-nums")}>{inv.sentCount}</td>
                      <td className={cx(ui.td, "whitespace-nowrap")}>{formatDateTime(inv.createdAt)}</td>
                      <td className={cx(ui.td, "whitespace-nowrap")}>{formatDateTime(inv.expiresAt)}</td>
                      <td className={ui.td}>
                        {inv.status !== "sent" ? t.staff.none : confirmId === inv.id ? (
                          <form action={revokeInvitationAction} className="min-w-64 rounded border-2 border-red-700 bg-red-50 p-3">
                            <input type="hidden" name="id" value={inv.id} />
                            <p className="text-sm font-semibold text-red-950">{format(a.revokeConfirm, { email: inv.email })}</p>
                            <div className="mt-3 flex flex-wrap gap-2">
                              <SubmitButton tone="danger" pendingLabel={a.working} autoFocus>{a.revokeButton}</SubmitButton>
                              <Link href="/admin/invitations" scroll={false} className={cx(ui.button, ui.secondary)}>{a.back}</Link>
                            </div>
                          </form>
                        ) : (
                          <div className="flex flex-wrap gap-2">
                            <form action={resendInvitationAction}>
                              <input type="hidden" name="id" value={inv.id} />
                              <SubmitButton tone="secondary" pendingLabel={a.working}>
                                <span aria-hidden="true">{a.resend}</span>
                                <span className="sr-only">{format(a.resendFor, { email: inv.email })}</span>
                              </SubmitButton>
                            </form>
                            <Link href={`/admin/invitations?revoke=${inv.id}`} scroll={false} aria-label={format(a.revokeFor, { email: inv.email })} className={cx(ui.button, ui.secondary)}>
                              {a.revoke}
                            </Link>
                          </div>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
