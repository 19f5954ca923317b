import { Button, Img, Section, Text } from "@react-email/components";
import { format, messages, type Locale } from "@/lib/i18n";
import { NationalLayout } from "./components/national-layout";

export type RegistrationStatusKind = "received" | "confirmed" | "rejected" | "waitlisted" | "promoted" | "cancelled";
export type RegistrationStatusProps = {
  locale: Locale;
  kind: RegistrationStatusKind;
  registrationId: number;
  honorific: "ong" | "ba";
  name: string;
  categoryName: string;
  manageUrl: string;
  badgeUrl: string;
  reason?: string;
};

const WITH_BADGE: RegistrationStatusKind[] = ["confirmed", "promoted"];

export function hasBadge(kind: RegistrationStatusKind): boolean {
  return WITH_BADGE.includes(kind);
}

export function registrationStatusSubject({ locale, kind }: RegistrationStatusProps): string {
  return messages(locale).email.registration.subject[kind];
}

export default function RegistrationStatus(p: RegistrationStatusProps) {
  const t = messages(p.locale).email.registration;
  const common = messages(p.locale).email.test;
  const honorific = p.locale === "en" ? (p.honorific === "ong" ? "Mr" : "Ms") : p.honorific === "ong" ? "Ông" : "Bà";
  return (
    <NationalLayout locale={p.locale} preview={t.subject[p.kind]}>
      <Text style={{ fontSize: 15 }}>{format(t.greeting, { honorific, name: p.name })}</Text>
      <Text style={{ fontSize: 15, lineHeight: "22px" }}>{format(t.body[p.kind], { category: p.categoryName })}</Text>
      {p.kind === "rejected" && p.reason && <Text style={{ fontSize: 15 }}>{format(t.reason, { reason: p.reason })}</Text>}
      {hasBadge(p.kind) && (
        <Section style={{ textAlign: "center", padding: "8px 0" }}>
          <Img src="cid:badge-qr" alt={t.qrAlt} width={240} height={240} style={{ margin: "0 auto" }} />
          <Button href={p.badgeUrl} style={{ backgroundColor: "#b71c1c", color: "#ffffff", padding: "12px 20px", borderRadius: 4, fontWeight: 700, fontSize: 15, marginTop: 12 }}>
            {t.badgeButton}
          </Button>
        </Section>
      )}
      {p.kind !== "cancelled" && p.kind !== "rejected" && (
        <Text style={{ fontSize: 14 }}>
          {t.manageText} <a href={p.manageUrl}>{t.manageButton}</a>
        </Text>
      )}
      <Text style={{ fontSize: 15, margin: "24px 0 0" }}>{common.signoff}</Text>
      <Text style={{ fontSize: 15, fontWeight: 700, margin: "4px 0 0" }}>{common.team}</Text>
    </NationalLayout>
  );
}

RegistrationStatus.PreviewProps = {
  locale: "vi", kind: "confirmed", registrationId: 1, honorific: "ba", name: "Nguyễn Thị Ánh Tuyết", categoryName: "Chủ thể OCOP",
  manageUrl: "http://localhost:3000/registration/x", badgeUrl: "http://localhost:3000/badge/x",
} satisfies RegistrationStatusProps;
