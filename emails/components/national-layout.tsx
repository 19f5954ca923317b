import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n";
import { messages } from "@/lib/i18n";

/** The national look every conference email shares: red band, gold rule, ministry header. */
export function NationalLayout({ locale, preview, children }: { locale: Locale; preview: string; children: ReactNode }) {
  const t = messages(locale);
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f4f1ea", margin: 0, padding: "24px 0", fontFamily: "Arial, 'Helvetica Neue', Helvetica, sans-serif", color: "#1f1f1f" }}>
        <Container style={{ maxWidth: 600, margin: "0 auto", backgroundColor: "#ffffff", border: "1px solid #e3dccb" }}>
          <Section style={{ backgroundColor: "#b71c1c", padding: "16px 24px" }}>
            <Text style={{ color: "#ffd54f", fontSize: 12, letterSpacing: 1, margin: 0, fontWeight: 700 }}>{t.email.header}</Text>
            <Text style={{ color: "#ffffff", fontSize: 18, lineHeight: "24px", margin: "6px 0 0", fontWeight: 700 }}>{t.meta.title}</Text>
          </Section>
          <Section style={{ height: 4, backgroundColor: "#d4a017" }} />
          <Section style={{ padding: "8px 24px 16px" }}>{children}</Section>
          <Hr style={{ borderColor: "#e3dccb", margin: 0 }} />
          <Section style={{ padding: "12px 24px" }}>
            <Text style={{ fontSize: 12, color: "#6b6b6b", margin: 0 }}>{t.email.footer}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
