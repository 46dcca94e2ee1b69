// Typed application errors: a stable code for programs, a catalogue key (rendered in the reader's language) for people.
import type { Locale } from "@/lib/i18n";
import { E } from "@/lib/i18n/error-keys";
import { renderFields, renderMessage, type Msg } from "@/lib/i18n/message";

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  BAD_REQUEST_PATH: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  // The account must first confirm its email / choose its own password (lib/server/required-action.ts).
  EMAIL_UNCONFIRMED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  // A cookie-authenticated write from another site (lib/server/csrf.ts).
  CROSS_SITE_REQUEST: 403,
  NOT_FOUND: 404,
  SLOT_TAKEN: 409,
  BED_OCCUPIED: 409,
  SAFETY_CHECK: 409,
  INVALID_TRANSITION: 409,
  // A visit checked in or completed outside its time: before its day/window (TOO_EARLY) or after its day (TOO_LATE).
  TOO_EARLY: 409,
  TOO_LATE: 409,
  OUT_OF_STOCK: 409,
  // A prescription signed despite safety findings, not yet acknowledged by a pharmacist (lib/pharmacy/service.ts).
  OVERRIDE_NOT_ACKNOWLEDGED: 409,
  DUPLICATE: 409,
  // A patient merge blocked by overlapping appointments or stays, or two sign-in accounts (lib/patients/merge.ts).
  MERGE_CONFLICT: 409,
  // A self-registered account held until a records officer links it to its record (lib/patients/link-requests.ts).
  PENDING_LINK: 409,
  // A record still referred to by others (a foreign key refuses its deletion).
  IN_USE: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  RECORD_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorBody = {
  error: {
    code: ErrorCode;
    message: string;
    fields?: Record<string, string>;
    details?: unknown;
    correlationId?: string;
  };
};

/**
 * An error a user may see: a code for programs, and its message and field messages as catalogue keys
 * (lib/i18n/error-keys.ts), rendered in the reader's language where the answer is made (`toBody(locale)`:
 * lib/server/api.ts, lib/server/action.ts, pages). `message` and `fields` read in English (logs, tests).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** The message's key, with its parameters. */
  readonly key: Msg;
  /** Field path → message key (zod's issues and the services' own). */
  readonly fieldKeys?: Readonly<Record<string, Msg>>;
  readonly details?: unknown;
  /** Seconds, for RATE_LIMITED and SERVICE_UNAVAILABLE. */
  readonly retryAfter?: number;

  constructor(
    code: ErrorCode,
    key: Msg,
    extra: { fields?: Record<string, Msg>; details?: unknown; retryAfter?: number } = {},
  ) {
    super(renderMessage(key, "en"));
    this.name = "AppError";
    this.code = code;
    this.key = key;
    this.fieldKeys = extra.fields;
    this.details = extra.details;
    this.retryAfter = extra.retryAfter;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** The field messages in English. */
  get fields(): Record<string, string> | undefined {
    return this.fieldKeys ? renderFields(this.fieldKeys, "en") : undefined;
  }

  /** The API's error body, its message and field messages in the given language. */
  toBody(locale: Locale = "en"): ErrorBody {
    const body: ErrorBody = { error: { code: this.code, message: renderMessage(this.key, locale) } };
    if (this.fieldKeys) body.error.fields = renderFields(this.fieldKeys, locale);
    if (this.details !== undefined) body.error.details = this.details;
    return body;
  }
}

/** The message of anything thrown, in the given language: an AppError's by its key, anything else's as it is. */
export function errorText(err: unknown, locale: Locale): string {
  if (err instanceof AppError) return renderMessage(err.key, locale);
  return err instanceof Error ? err.message : String(err);
}

export type RecordName = keyof typeof E.errors.records;
/** "That patient was not found.": the record's name is a catalogue word too, so the whole sentence translates. */
export const notFound = (what: RecordName = "record") =>
  new AppError("NOT_FOUND", E.errors.notFound(E.errors.records[what]));
export const forbidden = () => new AppError("FORBIDDEN", E.errors.forbidden);
export const unauthenticated = () => new AppError("UNAUTHENTICATED", E.errors.signIn);
