import { getPageCtx } from "@/lib/auth/page";
import { isDomainError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { currentEvent, personalLinks } from "@/lib/registration/common";
import { registrationIcs } from "@/lib/registration/ics";
import { registrationByManageToken } from "@/lib/registration/manage";

/** GET /registration/<token>/calendar.ics — the conference (and the evening ceremony, for categories admitted to it) as a calendar file. */
export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const ctx = await getPageCtx();
  let found: Awaited<ReturnType<typeof registrationByManageToken>>;
  try {
    found = await registrationByManageToken(ctx, token);
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return new Response(`${messages(ctx.locale).manage.invalidTitle}\n`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const event = await currentEvent(ctx.db);
  const links = personalLinks(found.row, event);
  const includeCeremony = found.checkpoints.includes("le-ton-vinh");
  const body = registrationIcs(event, { registrationId: found.row.id, locale: ctx.locale, manageUrl: links.manageUrl, includeCeremony, now: ctx.now });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="hoi-nghi-ocop-2020.ics"',
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
