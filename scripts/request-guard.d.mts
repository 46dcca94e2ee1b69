import type { IncomingMessage, ServerResponse } from "node:http";

export {
  bodyLimitBytes,
  bodyLimitFor,
  DEFAULT_BODY_LIMIT_BYTES,
  documentMaxBytes,
  formatBytes,
  MIN_BODY_LIMIT_BYTES,
} from "./body-limit.mjs";
export const MESSAGES: Record<"en" | "fr", { tooLarge: (limit: string) => string; badPath: string }>;
/** The hms_locale cookie, else Accept-Language, else English. */
export function edgeLocale(headers: IncomingMessage["headers"]): "en" | "fr";
/** The path has a malformed %-escape (or escapes that are not UTF-8). */
export function malformedPath(url: string | undefined): boolean;
/** Answers an error in the path's API shape (JSON under /api, OperationOutcome under /fhir, text elsewhere). */
export function answer(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  options?: { close?: boolean },
): void;
/** The front's checks: the request to hand on to Next (itself, or a copy with the chunked body read), or null when answered here. */
export function guardRequest(
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
  options?: { expectsContinue?: boolean },
): Promise<IncomingMessage | null>;
