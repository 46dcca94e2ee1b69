"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n";
import { useAppLocale, useCatalog } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/server/action";

/** A small select that switches the interface language at once (kept on the account when signed in). */
export function LanguageSwitcher({
  action,
}: {
  action: (input: { language: Locale }) => Promise<ActionResult<{ language: Locale }>>;
}) {
  const locale = useAppLocale();
  const m = useCatalog().account;
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <label className="flex items-center gap-1.5 text-sm text-slate-600">
      <span className="sr-only sm:not-sr-only">{m.language}</span>
      <select
        aria-label={m.language}
        value={locale}
        disabled={pending}
        onChange={(e) => {
          const language = e.target.value as Locale;
          start(async () => {
            const r = await action({ language });
            if (r.ok) router.refresh();
          });
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
