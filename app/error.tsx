"use client";

import { useCatalog } from "@/lib/i18n/client";

// Never shows the error's message: only Next's opaque digest, which matches the server log line.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const m = useCatalog().errors;
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-4 px-4 text-center">
      <h1 className="text-2xl font-semibold">{m.errorTitle}</h1>
      <p className="max-w-md text-slate-600">{m.errorBody}</p>
      {error.digest ? (
        <p className="text-xs text-slate-500">
          {m.reference}: <span className="font-mono">{error.digest}</span>
        </p>
      ) : null}
      <button
        type="button"
        onClick={reset}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
      >
        {m.retry}
      </button>
    </main>
  );
}
