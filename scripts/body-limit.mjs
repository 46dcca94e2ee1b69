// The request-body limit setting (REQUEST_BODY_LIMIT_BYTES), read the same way by the web server's
// front (scripts/request-guard.mjs) and by the app (lib/server/env.ts, lib/server/body.ts). No
// imports: the app's proxy bundle loads it too.

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
/** Smaller than this and the sign-in form or a prescription would not fit. */
export const MIN_BODY_LIMIT_BYTES = 1024;

/** REQUEST_BODY_LIMIT_BYTES as bytes (unset or empty: 1 MB); throws on anything but a whole number ≥ 1024. */
export function bodyLimitBytes(value = process.env.REQUEST_BODY_LIMIT_BYTES) {
  if (value === undefined || String(value).trim() === "") return DEFAULT_BODY_LIMIT_BYTES;
  const n = Number(value);
  if (!Number.isInteger(n) || n < MIN_BODY_LIMIT_BYTES)
    throw new Error(
      `REQUEST_BODY_LIMIT_BYTES must be a whole number of bytes ≥ ${MIN_BODY_LIMIT_BYTES} (got "${value}")`,
    );
  return n;
}

/** 1048576 → "1 MB", 524288 → "512 KB", 1500 → "1500 bytes": the limit as the error sentence shows it. */
export function formatBytes(n) {
  if (n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MB`;
  if (n % 1024 === 0) return `${n / 1024} KB`;
  return `${n} bytes`;
}

// Documents on the chart (lib/documents) have their own, larger limit: DOCUMENT_MAX_BYTES per file
// (default 20 MB). The one route that takes them (POST /api/v1/patients/{id}/documents, multipart)
// accepts that plus UPLOAD_FORM_OVERHEAD_BYTES for the form's other fields and the multipart framing;
// every other request keeps REQUEST_BODY_LIMIT_BYTES.

export const DEFAULT_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
export const UPLOAD_FORM_OVERHEAD_BYTES = 64 * 1024;

/** DOCUMENT_MAX_BYTES as bytes (unset or empty: 20 MB); throws on anything but a whole number ≥ 1024. */
export function documentMaxBytes(value = process.env.DOCUMENT_MAX_BYTES) {
  if (value === undefined || String(value).trim() === "") return DEFAULT_DOCUMENT_MAX_BYTES;
  const n = Number(value);
  if (!Number.isInteger(n) || n < MIN_BODY_LIMIT_BYTES)
    throw new Error(`DOCUMENT_MAX_BYTES must be a whole number of bytes ≥ ${MIN_BODY_LIMIT_BYTES} (got "${value}")`);
  return n;
}

const UPLOAD_PATH = /^\/api\/v1\/patients\/[^/?]+\/documents\/?$/;

/** The upload route: a POST to /api/v1/patients/{id}/documents (path without the query). */
export function isDocumentUpload(method, url) {
  return method === "POST" && UPLOAD_PATH.test(String(url ?? "").split("?", 1)[0]);
}

/** The body limit of one request: the document upload's (file + form overhead), else `limit`. */
export function bodyLimitFor(method, url, limit = bodyLimitBytes(), documentLimit = documentMaxBytes()) {
  return isDocumentUpload(method, url) ? Math.max(limit, documentLimit + UPLOAD_FORM_OVERHEAD_BYTES) : limit;
}
