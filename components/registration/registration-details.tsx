import { formatDateTime } from "@/components/staff/format";
import type { Messages } from "@/lib/i18n";
import type { RegistrationView } from "@/lib/registration/schemas";
import type { CategoryChoice } from "./types";

function answerText(value: string | boolean, options: { value: string; label: string }[], d: Messages["delegate"]): string {
  if (typeof value === "boolean") return value ? d.yes : d.no;
  return options.find((o) => o.value === value)?.label ?? value;
}

/** A registration's details as a definition list: the person, the unit, the contact, the answers. */
export function RegistrationDetails({ view, category, t, extra }: { view: RegistrationView; category: CategoryChoice | null; t: Messages; extra?: [string, string][] }) {
  const d = t.delegate;
  const questions = category?.questions ?? [];
  const known = new Set(questions.map((q) => q.key));
  const answers: [string, string][] = [
    ...questions.filter((q) => view.answers[q.key] !== undefined).map((q): [string, string] => [q.label, answerText(view.answers[q.key]!, q.options, d)]),
    ...Object.entries(view.answers).filter(([k]) => !known.has(k)).map(([k, v]): [string, string] => [k, answerText(v, [], d)]),
  ];
  const rows: [string, string][] = [
    [d.fullName, `${d.honorifics[view.honorific]} ${view.fullName}`],
    [d.position, view.position],
    [d.organisation, view.organisation],
    [d.delegation, view.delegation ?? d.none],
    [d.category, view.categoryName],
    [d.email, view.email ?? d.noEmail],
    [d.phone, view.phone],
    ...answers,
    [d.notes, view.notes ?? d.none],
    [d.registeredAt, formatDateTime(view.createdAt)],
    ...(extra ?? []),
  ];
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      {rows.map(([k, v], i) => (
        <div key={`${k}-${i}`} className="contents">
          <dt className="font-semibold">{k}</dt>
          <dd className="break-words">
            {k === d.category ? (
              <span className="inline-flex items-center gap-2">
                <span aria-hidden="true" className="inline-block size-3 rounded-full border border-stone-400" style={{ backgroundColor: view.badgeColour }} />
                {v}
              </span>
            ) : v}
          </dd>
        </div>
      ))}
    </dl>
  );
}
