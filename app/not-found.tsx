import Link from "next/link";
import { getMessages } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getMessages();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{t.errors.notFoundTitle}</h1>
      <p className="mt-2 text-muted">{t.errors.notFoundText}</p>
      <Link href="/" className="mt-6 inline-block rounded bg-brand px-4 py-2 font-semibold text-white">{t.common.home}</Link>
    </main>
  );
}
