export const DEFAULT_BODY_LIMIT_BYTES: number;
export const MIN_BODY_LIMIT_BYTES: number;
/** REQUEST_BODY_LIMIT_BYTES as bytes (default 1 MB); throws on a malformed value. */
export function bodyLimitBytes(value?: string): number;
/** 1048576 → "1 MB", 524288 → "512 KB", else "N bytes". */
export function formatBytes(n: number): string;
