import "server-only";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, messages, toLocale, type Locale } from "./index";

/** The reader's language: the persisted choice, Vietnamese by default. */
export async function getLocale(): Promise<Locale> {
  const jar = await cookies();
  return toLocale(jar.get(LOCALE_COOKIE)?.value);
}

export async function getMessages() {
  const locale = await getLocale();
  return { locale, t: messages(locale) };
}
