import type { Metadata } from "next";
import Link from "next/link";
import { cx, ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/page";
import { messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.checkinAdmin.desk.title };
}

/** /checkin/desk — the welcome desk (checkin.supervise): register a walk-in, or re-issue a lost badge. */
export default async function DeskPage() {
  const { ctx } = await requirePageUser("checkin.supervise", "/checkin/desk");
  const d = messages(ctx.locale).checkinAdmin.desk;
  const tasks = [
    { href: "/checkin/desk/walk-in", title: d.walkInTitle, text: d.walkInIntro },
    { href: "/checkin/desk/lost", title: d.lostTitle, text: d.lostIntro },
  ];
  return (
    <main id="main">
      <h1 className={ui.h1}>{d.title}</h1>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2">
        {tasks.map((task) => (
          <li key={task.href}>
            <Link href={task.href} className={cx(ui.card, "block h-full hover:border-brand focus-visible:border-brand")}>
              <h2 className="text-xl font-bold text-brand-dark">{task.title}</h2>
              <p className="mt-2 text-muted">{task.text}</p>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
