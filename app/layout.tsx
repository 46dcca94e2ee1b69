import type { Metadata } from "next";
import "./globals.css";
import { messages } from "@/lib/i18n";

export const metadata: Metadata = { title: { default: messages().app.tagline, template: `%s · ${messages().app.name}` } };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
