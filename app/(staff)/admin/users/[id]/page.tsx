import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { problemText } from "@/components/staff/form-errors";
import { formatDateTime } from "@/components/staff/format";
import { one, type SearchParams } from "@/components/staff/search-params";
import { Notice } from "@/components/ui/notice";
import { cx, ui } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { requirePageUser } from "@/lib/auth/page";
import { ROLES } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { format, messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { listMinistries, listProvinces } from "@/lib/reference/units";
import { getUser } from "@/lib/users/users";
import { sendResetLinkAction, setDisabledAction, updateUserAction } from "../actions";
import { UserForm } from "../user-form";

type Params = Promise<{ id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.users.title };
}

const NOTICES = ["saved", "disabled", "enabled", "resetSent"] as const;

/**
 * One account: details for users.read; for users.manage also the edit form, disable / re-enable
 * (with a confirmation step: ?confirm=disable|enable) and "send reset link".
 */
export default async function UserPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ id: rawId }, sp] = await Promise.all([params, searchParams]);
  const id = Number(rawId);
  const { ctx, me } = await requirePageUser("users.read", `/admin/users/${encodeURIComponent(rawId)}`);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const t = messages(ctx.locale);
  const [user, provinces, ministries] = await Promise.all([
    getUser(ctx, id).catch((e: unknown) => {
      if (e instanceof NotFoundError) notFound();
      throw e;
    }),
    listProvinces(ctx),
    listMinistries(ctx),
  ]);
  const canManage = me.permissions.has("users.manage");
  const isSelf = user.id === me.userId;
  const unit = (user.provinceCode && provinces.find((p) => p.code === user.provinceCode)?.name) || (user.ministryCode && ministries.find((m) => m.code === user.ministryCode)?.name) || t.staff.none;
  const notice = NOTICES.find((n) => n === one(sp.notice));
  const error = problemText(one(sp.error), ctx.locale);
  const confirm = canManage && !isSelf ? one(sp.confirm) : undefined;
  const toggle = user.disabled ? t.users.enable : t.users.disable;
  const noticeText = notice === "saved" ? t.users.saved : notice === "disabled" ? t.users.disable.done : notice === "enabled" ? t.users.enable.done
    : notice === "resetSent" ? format(t.users.reset.done, { email: user.email }) : null;

  return (
    <>
      <p><Link href="/admin/users" className={ui.link}>← {t.users.back}</Link></p>
      <h1 className={cx(ui.h1, "mt-2 break-words")}>{format(t.users.editTitle, { name: user.name })}</h1>
      {noticeText && <Notice tone="success" className="mt-4">{noticeText}</Notice>}
      {error && <Notice tone="error" className="mt-4">{error}</Notice>}

      <section aria-labelledby="details-title" className={cx(ui.card, "mt-6")}>
        <h2 id="details-title" className={ui.h2}>{t.users.detailsTitle}</h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t.users.email}</dt><dd className="break-all">{user.email}</dd>
          <dt className="font-semibold">{t.users.role}</dt><dd>{t.roles[user.role]}</dd>
          <dt className="font-semibold">{t.users.unit}</dt><dd>{unit}</dd>
          <dt className="font-semibold">{t.users.status}</dt>
          <dd data-testid="user-status">{user.disabled ? t.users.statusDisabled : t.users.statusActive}</dd>
          <dt className="font-semibold">{t.users.lastSignIn}</dt><dd>{formatDateTime(user.lastSignInAt, t.staff.never)}</dd>
          <dt className="font-semibold">{t.users.createdAt}</dt><dd>{formatDateTime(user.createdAt)}</dd>
        </dl>
      </section>

      {canManage && (
        <>
          <section aria-labelledby="edit-title" className={cx(ui.card, "mt-6")}>
            <h2 id="edit-title" className={ui.h2}>{t.users.editForm}</h2>
            <div className="mt-4">
              <UserForm
                key={`${user.id}-${user.email}-${user.name}-${user.role}-${user.provinceCode}-${user.ministryCode}`}
                action={updateUserAction.bind(null, user.id)}
                idPrefix="edit"
                withPassword={false}
                initial={user}
                roles={ROLES.map((r) => ({ value: r, label: t.roles[r] }))}
                provinces={provinces.map((p) => ({ value: p.code, label: p.name }))}
                ministries={ministries.map((m) => ({ value: m.code, label: m.name }))}
                labels={{
                  email: t.users.email, name: t.users.name, role: t.users.role, province: t.users.province, ministry: t.users.ministry,
                  choose: t.users.choose, password: t.users.password, passwordHint: t.users.passwordHint, optional: t.staff.optional,
                  submit: t.staff.save, pending: t.staff.saving,
                }}
              />
            </div>
          </section>

          {!isSelf && (
            <section aria-labelledby="toggle-title" className={cx(ui.card, "mt-6")}>
              <h2 id="toggle-title" className={ui.h2}>{toggle.title}</h2>
              <p className="mt-1 text-sm text-muted">{toggle.text}</p>
              {confirm === (user.disabled ? "enable" : "disable") ? (
                <form action={setDisabledAction} className="mt-4 rounded border-2 border-red-700 bg-red-50 p-4" aria-labelledby="confirm-text">
                  <input type="hidden" name="id" value={user.id} />
                  <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
                  <p id="confirm-text" className="font-semibold text-red-950">{format(toggle.confirm, { name: user.name })}</p>
                  <div className="mt-3 flex flex-wrap gap-2">
                    <SubmitButton tone={user.disabled ? "primary" : "danger"} pendingLabel={t.staff.saving} autoFocus>{toggle.confirmButton}</SubmitButton>
                    <Link href={`/admin/users/${user.id}`} className={cx(ui.button, ui.secondary)}>{t.staff.cancel}</Link>
                  </div>
                </form>
              ) : (
                <Link href={`/admin/users/${user.id}?confirm=${user.disabled ? "enable" : "disable"}`} scroll={false} className={cx(ui.button, user.disabled ? ui.primary : ui.danger, "mt-4")}>
                  {toggle.button}
                </Link>
              )}
            </section>
          )}

          <section aria-labelledby="reset-title" className={cx(ui.card, "mt-6")}>
            <h2 id="reset-title" className={ui.h2}>{t.users.reset.title}</h2>
            <p className="mt-1 text-sm text-muted">{t.users.reset.text}</p>
            <form action={sendResetLinkAction} className="mt-4">
              <input type="hidden" name="id" value={user.id} />
              <SubmitButton tone="secondary" pendingLabel={t.users.reset.sending}>{t.users.reset.button}</SubmitButton>
            </form>
          </section>
        </>
      )}
    </>
  );
}
