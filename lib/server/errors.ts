// Typed application errors: a stable code for programs, a human sentence for people.
import { en } from "@/lib/i18n/en";

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
  error: { code: ErrorCode; message: string; fields?: Record<string, string>; details?: unknown; correlationId?: string };
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly details?: unknown;
  /** Seconds, for RATE_LIMITED and SERVICE_UNAVAILABLE. */
  readonly retryAfter?: number;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { fields?: Record<string, string>; details?: unknown; retryAfter?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = extra.fields;
    this.details = extra.details;
    this.retryAfter = extra.retryAfter;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { error: { code: this.code, message: this.message } };
    if (this.fields) body.error.fields = this.fields;
    if (this.details !== undefined) body.error.details = this.details;
    return body;
  }
}

type RecordName = keyof typeof en.errors.records;
/** "That patient was not found." Known record names are catalogue words, so the sentence translates. */
export const notFound = (what: RecordName | (string & {}) = "record") => new AppError("NOT_FOUND", en.errors.notFound(en.errors.records[what as RecordName] ?? what));
export const forbidden = () => new AppError("FORBIDDEN", en.errors.forbidden);
export const unauthenticated = () => new AppError("UNAUTHENTICATED", en.errors.signIn);
