import { asc, eq } from "drizzle-orm";
import { agendaItems, checkpoints, events } from "@/db/schema";
import type { Ctx } from "@/lib/context";

export type EventOverview = {
  id: number;
  code: string;
  name: string;
  venue: string;
  address: string;
  city: string;
  timezone: string;
  exhibition: { startsAt: Date; endsAt: Date };
  ceremony: { startsAt: Date; endsAt: Date };
  conference: { startsAt: Date; endsAt: Date };
  agenda: { part: "exhibition" | "ceremony" | "conference"; startsAt: Date; title: string }[];
  checkpoints: { code: string; name: string }[];
};

/** Public facts of the current event for the landing page, in the reader's language. */
export async function getEventOverview(ctx: Ctx): Promise<EventOverview | null> {
  const [event] = await ctx.db.select().from(events).where(eq(events.isCurrent, true)).limit(1);
  if (!event) return null;
  const en = ctx.locale === "en";
  const [agenda, cps] = await Promise.all([
    ctx.db.select().from(agendaItems).where(eq(agendaItems.eventId, event.id)).orderBy(asc(agendaItems.startsAt), asc(agendaItems.sortOrder)),
    ctx.db.select().from(checkpoints).where(eq(checkpoints.eventId, event.id)).orderBy(asc(checkpoints.sortOrder)),
  ]);
  return {
    id: event.id,
    code: event.code,
    name: en ? event.nameEn : event.nameVi,
    venue: en ? event.venueEn : event.venueVi,
    address: event.addressVi,
    city: event.city,
    timezone: event.timezone,
    exhibition: { startsAt: event.exhibitionStartsAt, endsAt: event.exhibitionEndsAt },
    ceremony: { startsAt: event.ceremonyStartsAt, endsAt: event.ceremonyEndsAt },
    conference: { startsAt: event.conferenceStartsAt, endsAt: event.conferenceEndsAt },
    agenda: agenda.map((a) => ({ part: a.part as "exhibition" | "ceremony" | "conference", startsAt: a.startsAt, title: en ? a.titleEn : a.titleVi })),
    checkpoints: cps.map((c) => ({ code: c.code, name: en ? c.nameEn : c.nameVi })),
  };
}
