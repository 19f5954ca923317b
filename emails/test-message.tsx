import { Text } from "@react-email/components";
import { format, messages, type Locale } from "@/lib/i18n";
import { NationalLayout } from "./components/national-layout";

export type TestMessageProps = { locale: Locale; name: string };

export function testMessageSubject({ locale }: TestMessageProps): string {
  return messages(locale).email.test.subject;
}

export default function TestMessage({ locale, name }: TestMessageProps) {
  const t = messages(locale).email.test;
  return (
    <NationalLayout locale={locale} preview={t.preview}>
      <Text style={{ fontSize: 15 }}>{format(t.greeting, { name })}</Text>
      <Text style={{ fontSize: 15, lineHeight: "22px" }}>{t.body}</Text>
      <Text style={{ fontSize: 15, margin: "24px 0 0" }}>{t.signoff}</Text>
      <Text style={{ fontSize: 15, fontWeight: 700, margin: "4px 0 0" }}>{t.team}</Text>
    </NationalLayout>
  );
}

TestMessage.PreviewProps = { locale: "vi", name: "Bà Nguyễn Thị Ánh Tuyết" } satisfies TestMessageProps;
