import type { Locale } from "@/lib/i18n";
import type { CategoryChoice, QuestionDef } from "./types";

type SourceQuestion = { key: string; type: string; labelVi: string; labelEn: string; required: boolean; options?: { value: string; labelVi: string; labelEn: string }[] };
type SourceCategory = { code: string; nameVi: string; nameEn: string; requiresApproval: boolean; questions: readonly SourceQuestion[] } & ({ colour: string } | { badgeColour: string });

/** A category (the domain's view or its row) as the delegate form shows it, in the reader's language. */
export function toCategoryChoice(c: SourceCategory, locale: Locale): CategoryChoice {
  const en = locale === "en";
  const questions: QuestionDef[] = c.questions.map((q) => ({
    key: q.key,
    // Older rows may say "date": it is answered as text (dd/mm/yyyy), as the domain treats it.
    type: q.type === "choice" || q.type === "yesno" ? q.type : "text",
    label: en ? q.labelEn : q.labelVi,
    required: q.required,
    options: (q.options ?? []).map((o) => ({ value: o.value, label: en ? o.labelEn : o.labelVi })),
  }));
  return { code: c.code, name: en ? c.nameEn : c.nameVi, colour: "colour" in c ? c.colour : c.badgeColour, requiresApproval: c.requiresApproval, questions };
}

/** Question labels by key, for showing stored answers. */
export function questionLabels(c: CategoryChoice): Map<string, QuestionDef> {
  return new Map(c.questions.map((q) => [q.key, q]));
}
