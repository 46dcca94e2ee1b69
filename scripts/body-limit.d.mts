export const DEFAULT_BODY_LIMIT_BYTES: number;
export const MIN_BODY_LIMIT_BYTES: number;
/** REQUEST_BODY_LIMIT_BYTES as bytes (default 1 MB); throws on a malformed value. */
export function bodyLimitBytes(value?: string): number;
/** 1048576 → "1 MB", 524288 → "512 KB", else "N bytes". */
export function formatBytes(n: number): string;
export const DEFAULT_DOCUMENT_MAX_BYTES: number;
export const UPLOAD_FORM_OVERHEAD_BYTES: number;
/** DOCUMENT_MAX_BYTES as bytes (default 20 MB); throws on a malformed value. */
export function documentMaxBytes(value?: string): number;
/** A POST to /api/v1/patients/{id}/documents. */
export function isDocumentUpload(method: string | undefined, url: string | undefined): boolean;
/** The body limit of one request: the document upload's (file + form overhead), else `limit`. */
export function bodyLimitFor(
  method: string | undefined,
  url: string | undefined,
  limit?: number,
  documentLimit?: number,
): number;
