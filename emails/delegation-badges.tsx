import { Section, Text } from "@react-email/components";
import { format, messages, type Locale } from "@/lib/i18n";
import { NationalLayout } from "./components/national-layout";

export type DelegationBadgesProps = {
  locale: Locale;
  name: string;
  delegation: string;
  portalUrl: string;
  members: { id: number; name: string; category: string }[];
};

export function delegationBadgesSubject({ locale, delegation, members }: DelegationBadgesProps): string {
  return format(messages(locale).contact.mail.subject, { delegation, count: members.length });
}

/** To a delegation's contact person: the badges of the members without a personal email, attached (one PDF, one QR each). */
export default function DelegationBadges(p: DelegationBadgesProps) {
  const t = messages(p.locale).contact.mail;
  const common = messages(p.locale).email.test;
  return (
    <NationalLayout locale={p.locale} preview={format(t.preview, { count: p.members.length })}>
      <Text style={{ fontSize: 15 }}>{format(t.greeting, { name: p.name })}</Text>
      <Text style={{ fontSize: 15, lineHeight: "22px" }}>{format(t.body, { count: p.members.length, delegation: p.delegation })}</Text>
      <Section>
        <Text style={{ fontSize: 15, fontWeight: 700, margin: "12px 0 4px" }}>{t.listTitle}</Text>
        <ol style={{ fontSize: 14, lineHeight: "22px", margin: 0, paddingLeft: 20 }}>
          {p.members.map((m) => (
            <li key={m.id}>{m.name} — {m.category} ({format(t.badgeNo, { id: String(m.id).padStart(6, "0") })})</li>
          ))}
        </ol>
      </Section>
      <Text style={{ fontSize: 15, lineHeight: "22px" }}>{t.instructions}</Text>
      <Text style={{ fontSize: 14 }}>
        {t.portalText} <a href={p.portalUrl}>{p.portalUrl}</a>
      </Text>
      <Text style={{ fontSize: 15, margin: "24px 0 0" }}>{common.signoff}</Text>
      <Text style={{ fontSize: 15, fontWeight: 700, margin: "4px 0 0" }}>{common.team}</Text>
    </NationalLayout>
  );
}

DelegationBadges.PreviewProps = {
  locale: "vi", name: "Trần Văn Bình", delegation: "Đoàn tỉnh Thừa Thiên Huế", portalUrl: "http://localhost:3000/portal",
  members: [{ id: 12, name: "Bà Nguyễn Thị Ánh Tuyết", category: "Đại biểu tỉnh, thành phố" }],
} satisfies DelegationBadgesProps;
