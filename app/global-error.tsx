"use client";

import { en } from "@/lib/i18n/en";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const m = en.errors;
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem", textAlign: "center" }}>
        <h1>{m.errorTitle}</h1>
        <p>{m.errorBody}</p>
        {error.digest ? <p>{m.reference}: {error.digest}</p> : null}
        <button type="button" onClick={reset}>{m.retry}</button>
      </body>
    </html>
  );
}
