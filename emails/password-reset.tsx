import { Button, Text } from "@react-email/components";
import { format, messages, type Locale } from "@/lib/i18n";
import { NationalLayout } from "./components/national-layout";

export type PasswordResetProps = { locale: Locale; name: string; url: string; kind: "welcome" | "reset"; hours: number };

export function passwordResetSubject({ locale, kind }: PasswordResetProps): string {
  const t = messages(locale).email.passwordReset;
  return kind === "welcome" ? t.subjectWelcome : t.subjectReset;
}

export default function PasswordReset({ locale, name, url, kind, hours }: PasswordResetProps) {
  const t = messages(locale).email.passwordReset;
  const common = messages(locale).email.test;
  return (
    <NationalLayout locale={locale} preview={t.preview}>
      <Text style={{ fontSize: 15 }}>{format(t.greeting, { name })}</Text>
      <Text style={{ fontSize: 15, lineHeight: "22px" }}>{kind === "welcome" ? t.bodyWelcome : t.bodyReset}</Text>
      <Button href={url} style={{ backgroundColor: "#b71c1c", color: "#ffffff", padding: "12px 20px", borderRadius: 4, fontWeight: 700, fontSize: 15 }}>
        {t.button}
      </Button>
      <Text style={{ fontSize: 13, color: "#5c5c5c", wordBreak: "break-all" }}>{url}</Text>
      <Text style={{ fontSize: 13, color: "#5c5c5c" }}>{format(t.expiry, { hours })} {t.ignore}</Text>
      <Text style={{ fontSize: 15, margin: "24px 0 0" }}>{common.signoff}</Text>
      <Text style={{ fontSize: 15, fontWeight: 700, margin: "4px 0 0" }}>{common.team}</Text>
    </NationalLayout>
  );
}

PasswordReset.PreviewProps = { locale: "vi", name: "Bà Nguyễn Thị Ánh Tuyết", url: "http://localhost:3000/reset-password?token=reset_example", kind: "welcome", hours: 48 } satisfies PasswordResetProps;
