import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import "./globals.css";
import { messages, requestLocale } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const m = await messages();
  return { title: { default: m.app.tagline, template: `%s · ${m.app.name}` } };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await requestLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
