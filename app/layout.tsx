import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import "./globals.css";
import { messages, requestLocale } from "@/lib/server/locale";
import { env } from "@/lib/server/env";

export async function generateMetadata(): Promise<Metadata> {
  const m = await messages();
  // Every tab says which hospital it is: HOSPITAL_NAME in the title and its initials in the icon.
  const hospital = env().HOSPITAL_NAME;
  return {
    title: { default: `${hospital} · ${m.app.tagline}`, template: `%s · ${hospital}` },
    icons: { icon: { url: "/favicon.svg", type: "image/svg+xml" } },
  };
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
