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
  if (!Number.isInteger(n) || n < MIN_BODY_LIMIT_BYTES) throw new Error(`REQUEST_BODY_LIMIT_BYTES must be a whole number of bytes ≥ ${MIN_BODY_LIMIT_BYTES} (got "${value}")`);
  return n;
}

/** 1048576 → "1 MB", 524288 → "512 KB", 1500 → "1500 bytes": the limit as the error sentence shows it. */
export function formatBytes(n) {
  if (n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MB`;
  if (n % 1024 === 0) return `${n / 1024} KB`;
  return `${n} bytes`;
}
