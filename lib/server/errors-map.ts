import { AppError } from "./errors";
import { log, logUnexpected } from "./log";
import { E } from "@/lib/i18n/error-keys";

/**
 * Turns anything thrown into an AppError a user may see. Known database conflicts become DUPLICATE;
 * a reference to a record that does not exist becomes VALIDATION_FAILED naming the field; a lost or
 * unreachable database (and a statement cancelled by the statement timeout, or aborted to break a
 * deadlock where no retry is made or retries ran out) becomes 503 SERVICE_UNAVAILABLE with Retry-After; everything unexpected is logged with a correlation id and
 * replaced by a generic sentence.
 */
/** The request's id when the caller passed one in the context (lib/server/api.ts does): the error's correlation id is then the request's. */
const requestIdOf = (context: Record<string, unknown>) =>
  typeof context.requestId === "string" ? context.requestId : undefined;

export function toAppError(err: unknown, context: Record<string, unknown> = {}): AppError & { correlationId?: string } {
  if (err instanceof AppError) return err;
  if (isUniqueViolation(err)) return new AppError("DUPLICATE", E.errors.duplicate);
  const fk = foreignKeyViolation(err);
  if (fk?.deleting) return new AppError("IN_USE", E.errors.inUse);
  if (fk)
    return new AppError("VALIDATION_FAILED", E.errors.fixFields, { fields: { [fk.field]: E.errors.unknownReference } });
  const unavailable = databaseUnavailable(err) ?? (abortedToBreakConflict(err) ? "conflict" : null);
  if (unavailable) {
    // Transient, not a bug: logged as a warning with its correlation id, which the answer carries too.
    const correlationId = requestIdOf(context) ?? crypto.randomUUID();
    const e = err instanceof Error ? { name: err.name, message: err.message } : { value: String(err) };
    const what = {
      timeout: "statement timed out",
      connection: "database unavailable",
      conflict: "aborted by the database to break a deadlock",
    }[unavailable];
    log("warn", what, { correlationId, ...context, error: e });
    const answer =
      unavailable === "timeout"
        ? new AppError("SERVICE_UNAVAILABLE", E.errors.searchTimedOut, { retryAfter: RETRY_AFTER_SECONDS.timeout })
        : new AppError("SERVICE_UNAVAILABLE", E.errors.unavailable, { retryAfter: RETRY_AFTER_SECONDS.connection });
    return Object.assign(answer, { correlationId });
  }
  const correlationId = logUnexpected(err, context);
  const generic = new AppError("INTERNAL", E.errors.internal(correlationId)) as AppError & { correlationId?: string };
  generic.correlationId = correlationId;
  return generic;
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string; originalCode?: string } } | null;
  return e?.code === "P2002" || e?.cause?.originalCode === "23505" || e?.code === "23505";
}

type PgCause = { originalCode?: string; originalMessage?: string; constraint?: { index?: string } | string };
type MaybeDbError = {
  code?: string;
  constraint?: string;
  message?: string;
  cause?: PgCause;
  meta?: { field_name?: string; driverAdapterError?: { cause?: PgCause } };
} | null;

/**
 * A foreign-key violation (PostgreSQL 23503; Prisma P2003, or P2010 for a raw query), as the field
 * that refers to a missing record, and whether it was the referenced row being deleted (then the
 * row is in use, a conflict, not a bad field). The database decides, as for unique violations: a
 * check-then-write in the service would race with a concurrent delete.
 */
export function foreignKeyViolation(err: unknown): { field: string; deleting: boolean } | null {
  const e = err as MaybeDbError;
  const cause = e?.meta?.driverAdapterError?.cause ?? e?.cause;
  const isFk = e?.code === "P2003" || e?.code === "23503" || cause?.originalCode === "23503";
  if (!isFk) return null;
  const constraint =
    (typeof cause?.constraint === "string" ? cause.constraint : cause?.constraint?.index) ??
    e?.constraint ??
    e?.meta?.field_name ??
    "";
  const message = cause?.originalMessage ?? e?.message ?? "";
  // Prisma names constraints "<Table>_<column>_fkey".
  const field = /^[A-Za-z0-9]+_(.+)_fkey/.exec(constraint)?.[1] ?? "_";
  return { field, deleting: /update or delete on table/.test(message) };
}

/** Seconds a client is asked to wait: the pool reconnects at once; a search that timed out needs a quieter moment. */
export const RETRY_AFTER_SECONDS = { connection: 1, timeout: 5 } as const;

// PostgreSQL's SQLSTATEs of a connection that is gone or refused: class 08 (connection exception),
// 57P01–57P03 (admin shutdown, crash shutdown, cannot connect now), 53300 (too many connections).
const CONNECTION_SQLSTATE = /^(08\d{3}|57P0[123]|53300)$/;
// Prisma's codes for the same: P1001 can't reach, P1002 timed out reaching, P1008 operation timed
// out, P1017 server closed the connection, P2024 timed out waiting for a connection from the pool.
const CONNECTION_PRISMA = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const CONNECTION_ERRNO = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
// The driver adapter's kinds (@prisma/adapter-pg) for them.
const CONNECTION_KIND = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// What pg says when the socket went away under it (no code at all).
const CONNECTION_MESSAGE =
  /Connection terminated|terminating connection due to administrator command|Client has encountered a connection error|Connection ended unexpectedly|timeout exceeded when trying to connect|Server has closed the connection/i;

/**
 * "connection" when `err` says the database connection is lost, refused or not to be had, "timeout"
 * when the statement was cancelled (57014: the statement timeout, or an administrator's
 * pg_cancel_backend), else null. The error is walked through its causes (Prisma wraps the driver
 * adapter's error, which wraps pg's).
 */
export function databaseUnavailable(err: unknown): "connection" | "timeout" | null {
  let verdict: "connection" | "timeout" | null = null;
  for (const e of errorChain(err)) {
    const code = typeof e.code === "string" ? e.code : undefined;
    const originalCode = typeof e.originalCode === "string" ? e.originalCode : undefined;
    const kind = typeof e.kind === "string" ? e.kind : undefined;
    const message = typeof e.message === "string" ? e.message : "";
    for (const c of [code, originalCode]) {
      if (c === "57014") verdict ??= "timeout";
      else if (c && (CONNECTION_SQLSTATE.test(c) || CONNECTION_PRISMA.has(c) || CONNECTION_ERRNO.has(c)))
        return "connection";
    }
    if (kind && CONNECTION_KIND.has(kind)) return "connection";
    if (kind === "postgres" && code === "57014") verdict ??= "timeout";
    if (CONNECTION_MESSAGE.test(message)) return "connection";
    if (/canceling statement due to statement timeout/i.test(message)) verdict ??= "timeout";
  }
  return verdict;
}

/** `err` and every error inside it: Prisma wraps the driver adapter's error, which wraps pg's. */
function* errorChain(err: unknown): Generator<Record<string, unknown>> {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length) {
    const e = queue.shift() as Record<string, unknown> | null | undefined;
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    yield e;
    const meta = e.meta as Record<string, unknown> | undefined;
    queue.push(e.cause, meta?.driverAdapterError, ...(Array.isArray(e.errors) ? e.errors : []));
  }
}

/**
 * True when PostgreSQL aborted the statement only to break a deadlock (40P01) or a serialization
 * failure (40001): nothing was written, and the same work run again gets a real answer. Two
 * inserts that race for one slot of an exclusion constraint can each wait for the other; the
 * server then aborts one of them with 40P01 instead of reporting the overlap.
 */
export function abortedToBreakConflict(err: unknown): boolean {
  for (const e of errorChain(err)) {
    for (const c of [e.code, e.originalCode]) if (c === "40P01" || c === "40001") return true;
    if (typeof e.message === "string" && /deadlock detected|could not serialize access/.test(e.message)) return true;
  }
  return false;
}

/**
 * Runs `work` (one statement or one whole transaction) again when the database aborted it to break
 * a deadlock or a serialization conflict, up to `attempts` times, after a short random pause so
 * the racers do not collide again. Anything else is thrown as it came.
 */
export async function retryingConflicts<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= attempts || !abortedToBreakConflict(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}
