"use server";

import { redirect } from "next/navigation";
import { errorState } from "@/components/staff/form-errors";
import type { FormState } from "@/components/staff/form-state";
import { getPageCtx } from "@/lib/auth/page";
import { updateCategory } from "@/lib/categories/categories";
import { ValidationError } from "@/lib/errors";
import { translateKey } from "@/lib/http/problem";
import { format, messages, type Locale } from "@/lib/i18n";

const FIELDS = ["nameVi", "nameEn", "badgeColour", "registrationMode", "portalUnitKind", "requiresApproval", "capacity", "checkpoints", "questions"] as const;

function field(data: FormData, name: string): string {
  const v = data.get(name);
  return typeof v === "string" ? v : "";
}

/** Domain field errors in the form's terms: "questions.2.labelVi" → "Câu hỏi 3, trường labelVi: …" under the questions box. */
function validationState(e: ValidationError, locale: Locale): FormState {
  const t = messages(locale);
  const errors: Record<string, string[]> = {};
  const other: string[] = [];
  for (const fe of e.errors) {
    const text = translateKey(fe.message, locale);
    const q = /^questions\.(\d+)(?:\.(.+))?$/.exec(fe.path);
    const key = q ? "questions" : fe.path;
    const message = q ? format(t.adminCategories.questionAt, { n: Number(q[1]) + 1, field: q[2] ?? "—", message: text }) : text;
    if ((FIELDS as readonly string[]).includes(key)) (errors[key] ??= []).push(message);
    else other.push(`${fe.path}: ${message}`);
  }
  const joined = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, [...new Set(v)].join("\n")]));
  return { status: "error", message: other.length ? other.join(" ") : t.staff.formErrors, errors: joined };
}

/** Saves a category (categories.manage). Capacity: empty = no limit. Questions: a JSON list the domain validates. */
export async function updateCategoryAction(code: string, _prev: FormState, data: FormData): Promise<FormState> {
  const ctx = await getPageCtx();
  const t = messages(ctx.locale);
  const errors: Record<string, string> = {};
  const rawCapacity = field(data, "capacity").trim().replace(/[.\s]/g, "");
  let capacity: number | null = null;
  if (rawCapacity) {
    if (/^\d{1,7}$/.test(rawCapacity)) capacity = Number(rawCapacity);
    else errors.capacity = translateKey("fields.integer", ctx.locale);
  }
  let questions: unknown = [];
  const rawQuestions = field(data, "questions").trim();
  if (rawQuestions) {
    try {
      questions = JSON.parse(rawQuestions);
      if (!Array.isArray(questions)) errors.questions = t.adminCategories.questionsNotList;
    } catch (e) {
      errors.questions = format(t.adminCategories.questionsJson, { detail: (e as Error).message });
    }
  }
  if (Object.keys(errors).length) return { status: "error", message: t.staff.formErrors, errors };
  const mode = field(data, "registrationMode");
  try {
    await updateCategory(ctx, code, {
      nameVi: field(data, "nameVi"),
      nameEn: field(data, "nameEn"),
      badgeColour: field(data, "badgeColour").trim().toLowerCase(),
      // Checked by the domain's schema (unknown values → a field error).
      registrationMode: mode as "public" | "invitation" | "portal",
      portalUnitKind: mode === "portal" ? ((field(data, "portalUnitKind") || null) as "province" | "ministry" | null) : null,
      requiresApproval: data.get("requiresApproval") === "on",
      capacity,
      checkpoints: data.getAll("checkpoints").filter((v): v is string => typeof v === "string"),
      // The domain validates every question with zod; a readable error per question comes back.
      questions: questions as Parameters<typeof updateCategory>[2]["questions"],
    });
  } catch (e) {
    if (e instanceof ValidationError) return validationState(e, ctx.locale);
    return errorState(e, ctx.locale, FIELDS);
  }
  redirect(`/admin/categories?saved=${encodeURIComponent(code)}`);
}
