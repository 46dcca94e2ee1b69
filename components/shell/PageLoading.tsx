import { messages } from "@/lib/i18n/server";

/** What a page shows while the server prepares it (app/(app)/…/loading.tsx): never a dead screen. */
export async function PageLoading() {
  const m = await messages();
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4" data-testid="page-loading">
      <span className="sr-only">{m.common.loading}</span>
      <div aria-hidden className="h-8 w-1/3 rounded bg-slate-200" />
      <div aria-hidden className="h-4 w-2/3 rounded bg-slate-100" />
      <div aria-hidden className="h-48 rounded-lg border border-slate-200 bg-white" />
    </div>
  );
}
