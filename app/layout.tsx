import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getMessages } from "@/lib/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: { default: t.meta.title, template: `%s — OCOP 2018–2020` }, description: t.meta.description };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#b71c1c" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await getMessages();
  return (
    <html lang={locale}>
      <body className="min-h-screen antialiased">
        <a href="#main" className="skip-link">{t.common.skipToContent}</a>
        {children}
      </body>
    </html>
  );
}
