import { ForbiddenContent } from "@/components/staff/forbidden-content";
import { cx, ui } from "@/components/ui/styles";
import { getMessages } from "@/lib/i18n/server";

/** 403 inside the staff shell (forbidden() from a page the signed-in role may not open). */
export default async function StaffForbidden() {
  const { t } = await getMessages();
  return (
    <div className={cx(ui.card, "mx-auto max-w-xl")}>
      <ForbiddenContent t={t} />
    </div>
  );
}
