"use client";

import { useEffect, useState } from "react";
import { catalog, DEFAULT_LOCALE, fromAcceptLanguage, isLocale, type Locale } from "@/lib/i18n";
// Its own stylesheet (it replaces the root layout that imports it): a style="" attribute would be
// refused by the Content-Security-Policy (lib/server/headers.ts).
import "./globals.css";

// Replaces the root layout, so there is no provider: the language is the visitor's cookie
// (hms_locale, set by the switcher) or the browser's, once mounted.
function browserLocale(): Locale {
  const chosen = /(?:^|;\s*)hms_locale=([^;]+)/.exec(document.cookie)?.[1];
  return isLocale(chosen) ? chosen : (fromAcceptLanguage(navigator.languages.join(",")) ?? DEFAULT_LOCALE);
}

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [locale, setLocale] = useState<Locale>(DEFAULT_LOCALE);
  useEffect(() => setLocale(browserLocale()), []);
  const m = catalog(locale).errors;
  return (
    <html lang={locale}>
      <body className="p-16 text-center font-sans">
        <h1>{m.errorTitle}</h1>
        <p>{m.errorBody}</p>
        {error.digest ? (
          <p>
            {m.reference}: {error.digest}
          </p>
        ) : null}
        <button type="button" onClick={reset}>
          {m.retry}
        </button>
      </body>
    </html>
  );
}
