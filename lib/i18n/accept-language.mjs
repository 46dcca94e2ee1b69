// The languages an Accept-Language header asks for, best first (RFC 9110 §12.5.4: q-values, q=0
// means "not this one"), as base tags ("fr-CA" → "fr"). Plain JavaScript with no imports: the web
// server's front (scripts/request-guard.mjs) runs it before any TypeScript is loaded, and the app
// (lib/i18n/index.ts) uses the same.

/** @param {string | null | undefined} header */
export function acceptedLanguages(header) {
  return String(header ?? "")
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { base: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((r) => r.base && r.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((r) => r.base);
}
