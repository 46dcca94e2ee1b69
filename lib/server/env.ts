import { z } from "zod";
import { bodyLimitBytes, documentMaxBytes } from "../../scripts/body-limit.mjs";
import { DEFAULT_PREPARED_STATEMENTS } from "./prepared";

// The one place that reads process.env. Every variable is listed in .env.example.
const blankIsUnset = (v: unknown) => (v === "" ? undefined : v);
const ZEnv = z.object({
  // Checked when the database is first used (lib/server/db.ts), so `next build` needs none.
  DATABASE_URL: z.string().min(1).optional(),
  // Connections in each process's pool (every web worker and the job worker has its own).
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  DATABASE_PREPARED_STATEMENTS: z.coerce.number().int().min(0).default(DEFAULT_PREPARED_STATEMENTS),
  // PostgreSQL's statement_timeout on the web server's connections (lib/server/db.ts): any search (or
  // other statement) of a web request running longer is cancelled and answered 503 with Retry-After.
  // 0: none. The job worker's connections have none.
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(5000),
  // The largest request body (route handlers, pages, server actions), in bytes: default 1 MB. The web
  // server refuses larger ones with 413 before Next reads them (scripts/request-guard.mjs; both read
  // it with scripts/body-limit.mjs, so the front and the handlers agree).
  REQUEST_BODY_LIMIT_BYTES: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return bodyLimitBytes(value);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message });
        return z.NEVER;
      }
    }),
  // The largest document a chart takes (lib/documents), in bytes: default 20 MB. Its upload route
  // alone accepts a body that large (plus the form around the file: scripts/body-limit.mjs).
  DOCUMENT_MAX_BYTES: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return documentMaxBytes(value);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message });
        return z.NEVER;
      }
    }),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  HOSPITAL_NAME: z.string().default("City General Hospital"),
  HOSPITAL_TIMEZONE: z.string().default("UTC"),
  // The FHIR identifier system of the national id (lib/fhir): a URI naming the issuing registry, so
  // a receiving system can search `identifier=<system>|<value>`. Default: urn:hms:national-id.
  NATIONAL_ID_SYSTEM: z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .regex(/^(urn:[a-z0-9][a-z0-9-]*:\S+|https?:\/\/\S+)$/i, "Use a URI such as urn:oid:… or https://…")
      .default("urn:hms:national-id"),
  ),
  // Printed under the hospital's name on prescriptions and invoices (one line each; optional).
  HOSPITAL_ADDRESS: z.string().optional(),
  HOSPITAL_PHONE: z.string().optional(),
  // The hospital's tax identification number, printed on invoices (optional).
  HOSPITAL_TAX_ID: z.string().optional(),
  // An invoice is due this many days after it is issued.
  INVOICE_DUE_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  // ISO 3166 alpha-2 country of phone numbers typed without an international prefix, for the
  // duplicate matcher's E.164 normalisation (lib/patients/matching.ts). Unset: such numbers compare
  // by their last nine digits.
  PHONE_DEFAULT_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/, "Use an ISO 3166 alpha-2 code such as TG")
    .optional(),
  // ISO 4217 code of the one currency invoices are in; money is stored in its minor units.
  HOSPITAL_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, "Use an ISO 4217 code such as USD")
    .refine((c) => Intl.supportedValuesOf("currency").includes(c), "Unknown currency code")
    .default("USD"),
  // A patient may not cancel an appointment starting within this many hours (staff still can).
  APPOINTMENT_CANCEL_CUTOFF_HOURS: z.coerce.number().min(0).default(24),
  // A visit can be checked in from this many minutes before it starts until the end of its day (hospital time).
  CHECKIN_WINDOW_MINUTES: z.coerce.number().int().min(0).max(1440).default(120),
  // A signed consultation (and a recorded vital sign or nurse note) can be edited for this many
  // hours; then it is locked and changes go in as addenda.
  CLINICAL_LOCK_HOURS: z.coerce.number().min(0).default(24),
  // A prescription can be dispensed for this many days after it is issued.
  PRESCRIPTION_VALID_DAYS: z.coerce.number().int().positive().default(30),
  API_TOKEN_TTL_MINUTES: z.coerce.number().int().positive().default(60),
  // A browser session ends this many hours after sign-in whatever its activity, and after this many
  // minutes without a request (clinical workstations are shared).
  SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  // Sign-in throttling (lib/server/throttle.ts): after LOGIN_DELAY_AFTER_FAILURES failures on one
  // account from one address, that address waits LOGIN_FIRST_DELAY_SECONDS before its next try on
  // that account, doubling with each further failure up to the window; one address may fail at most
  // LOGIN_MAX_FAILURES_PER_IP times within the window, whatever the accounts.
  LOGIN_DELAY_AFTER_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_FIRST_DELAY_SECONDS: z.coerce.number().int().positive().default(60),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(20),
  LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  // Per client address and hour: self-registrations and password-reset requests (lib/server/rate-limit.ts).
  REGISTRATIONS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().positive().default(10),
  PASSWORD_RESETS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().positive().default(10),
  // Integration tokens (/admin/tokens): lifetime when none is asked for, and the longest allowed.
  API_TOKEN_DEFAULT_DAYS: z.coerce.number().int().positive().default(90),
  API_TOKEN_MAX_DAYS: z.coerce.number().int().positive().default(365),
  // Outgoing mail. Unset SMTP_URL: emails are kept in the outbox (/admin/outbox) instead of sent.
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default("no-reply@hospital.local"),
  // Base URL put in links sent by email; falls back to NEXTAUTH_URL.
  APP_URL: z.string().url().optional(),
  // The reminder job (every 15 minutes) reminds patients of BOOKED appointments starting within this many hours.
  REMINDER_HOURS_BEFORE: z.coerce.number().positive().default(24),
  // Outbox delivery (lib/notifications/mail.ts): emails sent at once per process over pooled SMTP
  // connections, and how long a sender's claim on an email lasts before another may send it.
  EMAIL_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
  EMAIL_LEASE_SECONDS: z.coerce.number().int().min(1).default(120),
  // Running jobs renew a lease every third of this; a job whose worker died is retried once it expires.
  JOB_LEASE_SECONDS: z.coerce.number().int().min(1).default(20),
  // Optional triage by a language model (lib/triage/llm.ts); without a key the built-in rules decide.
  TRIAGE_LLM_PROVIDER: z.enum(["openai", "gemini"]).optional(),
  TRIAGE_LLM_API_KEY: z.string().min(1).optional(),
  TRIAGE_LLM_MODEL: z.string().min(1).optional(),
  // OpenAI-compatible base URL (a local server works too); default the provider's official one.
  TRIAGE_LLM_BASE_URL: z.string().url().optional(),
  TRIAGE_LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
  // Scheduled backups (lib/backups, docs/backups.md): the worker writes one into BACKUP_DIR on
  // BACKUP_SCHEDULE (cron, HOSPITAL_TIMEZONE) and keeps the BACKUP_KEEP newest. Unset BACKUP_DIR: no
  // scheduled backups. BACKUP_ENCRYPTION_KEY (a passphrase, at least 16 characters) encrypts them.
  BACKUP_DIR: z.preprocess(blankIsUnset, z.string().min(1).optional()),
  BACKUP_SCHEDULE: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^\S+( \S+){4}$/, "Use a five-field cron line such as 0 2 * * *")
      .default("0 2 * * *"),
  ),
  BACKUP_KEEP: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).default(14)),
  BACKUP_ENCRYPTION_KEY: z.preprocess(blankIsUnset, z.string().min(16, "Use at least 16 characters").optional()),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  // zod's own English for the operator (next.config.ts loads this file, without the catalogues that
  // the app's global messages are keys of: lib/server/validation.ts).
  const parsed = ZEnv.safeParse(process.env, { error: z.locales.en().localeError });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** The secret that signs sessions and API tokens. Required outside tests. */
export function authSecret(): string {
  const secret = env().NEXTAUTH_SECRET;
  if (secret) return secret;
  if (env().NODE_ENV === "production") throw new Error("NEXTAUTH_SECRET must be set (npm start generates one)");
  return "development-only-secret-do-not-use-in-production";
}

/** The public base URL of the app, without a trailing slash, for links that leave it (emails). */
export function appUrl(): string {
  const e = env();
  return (e.APP_URL ?? e.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/**
 * The app is served over https: its public URL (APP_URL or NEXTAUTH_URL) says so. The app itself
 * speaks plain http behind whatever terminates TLS, so this setting, not the socket, decides the
 * Secure session cookies (lib/server/auth-cookies.ts) and Strict-Transport-Security (proxy.ts).
 */
export function servedOverHttps(): boolean {
  const e = env();
  return [e.APP_URL, e.NEXTAUTH_URL].some((u) => u !== undefined && new URL(u).protocol === "https:");
}
