// The headers of a document's content response (GET /api/v1/documents/{id}): shown in the browser
// (inline) under its own name, typed by what its bytes are, and unable to run anything.

/** RFC 6266 Content-Disposition with an ASCII fallback `filename` and the exact name as RFC 5987 `filename*`. */
export function contentDisposition(name: string, disposition: "inline" | "attachment" = "inline"): string {
  // eslint-disable-next-line no-control-regex
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  // attr-char (RFC 5987 §3.2.1): ALPHA / DIGIT / "!#$&+-.^_`|~"; everything else percent-encoded in UTF-8.
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * A policy for the document itself: nothing is loaded or run from it (a PDF's scripts, an image's
 * tricks), no framing by another site. Images are also sandboxed; a PDF is not, as Chromium's viewer
 * does not open PDFs in a sandboxed document.
 */
export function documentPolicy(contentType: string): string {
  const base =
    "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
  return contentType.startsWith("image/") ? `${base}; sandbox` : base;
}

export function documentHeaders(doc: {
  contentType: string;
  byteSize: number;
  fileName: string;
}): Record<string, string> {
  return {
    "Content-Type": doc.contentType,
    "Content-Length": String(doc.byteSize),
    "Content-Disposition": contentDisposition(doc.fileName),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": documentPolicy(doc.contentType),
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "private, no-store",
  };
}
