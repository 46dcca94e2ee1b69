import { setLanguageAction } from "@/lib/accounts/language-actions";
import { LanguageSwitcher } from "@/components/shell/LanguageSwitcher";
import { env } from "@/lib/server/env";

/** The centred card of the pages reached without signing in, under the hospital's name. */
export function AuthCard({
  title,
  subtitle,
  wide = false,
  children,
}: {
  title: string;
  subtitle?: string;
  wide?: boolean;
  children: React.ReactNode;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div
        className={`w-full ${wide ? "max-w-lg" : "max-w-sm"} rounded-lg border border-slate-200 bg-white p-8 shadow-sm`}
      >
        <div className="flex items-start justify-between gap-3">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{env().HOSPITAL_NAME}</p>
          <LanguageSwitcher action={setLanguageAction} />
        </div>
        <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
        {subtitle ? <p className="mt-1 text-sm text-slate-600">{subtitle}</p> : null}
        {children}
      </div>
    </main>
  );
}
