import { Button, Text } from "@react-email/components";
import { format, messages, type Locale } from "@/lib/i18n";
import { NationalLayout } from "./components/national-layout";

export type InvitationProps = { locale: Locale; name: string; categoryName: string; url: string; expiresOn: string };

export function invitationSubject({ locale }: InvitationProps): string {
  return messages(locale).email.invitation.subject;
}

export default function Invitation(p: InvitationProps) {
  const t = messages(p.locale).email.invitation;
  const common = messages(p.locale).email.test;
  return (
    <NationalLayout locale={p.locale} preview={t.subject}>
      <Text style={{ fontSize: 15 }}>{format(t.greeting, { name: p.name })}</Text>
      <Text style={{ fontSize: 15, lineHeight: "22px" }}>{format(t.body, { category: p.categoryName })}</Text>
      <Button href={p.url} style={{ backgroundColor: "#b71c1c", color: "#ffffff", padding: "12px 20px", borderRadius: 4, fontWeight: 700, fontSize: 15 }}>
        {t.button}
      </Button>
      <Text style={{ fontSize: 13, color: "#5c5c5c" }}>{format(t.expiry, { date: p.expiresOn })}</Text>
      <Text style={{ fontSize: 15, margin: "24px 0 0" }}>{common.signoff}</Text>
      <Text style={{ fontSize: 15, fontWeight: 700, margin: "4px 0 0" }}>{common.team}</Text>
    </NationalLayout>
  );
}

Invitation.PreviewProps = { locale: "vi", name: "Ông Trần Văn Đức", categoryName: "Khách mời", url: "http://localhost:3000/invitation/x", expiresOn: "17/12/2020" } satisfies InvitationProps;
