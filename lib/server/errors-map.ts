import { en } from "@/lib/i18n/en";
import { AppError } from "./errors";
import { logUnexpected } from "./log";

/**
 * Turns anything thrown into an AppError a user may see. Known database conflicts become DUPLICATE;
 * a reference to a record that does not exist becomes VALIDATION_FAILED naming the field;
 * everything unexpected is logged with a correlation id and replaced by a generic sentence.
 */
export function toAppError(err: unknown, context: Record<string, unknown> = {}): AppError & { correlationId?: string } {
  if (err instanceof AppError) return err;
  if (isUniqueViolation(err)) return new AppError("DUPLICATE", "A record with these details already exists.");
  const fk = foreignKeyViolation(err);
  if (fk?.deleting) return new AppError("IN_USE", en.errors.inUse);
  if (fk) return new AppError("VALIDATION_FAILED", en.errors.fixFields, { fields: { [fk.field]: en.errors.unknownReference } });
  const correlationId = logUnexpected(err, context);
  const generic = new AppError("INTERNAL", `Something went wrong on our side. Reference: ${correlationId}`) as AppError & { correlationId?: string };
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
    (typeof cause?.constraint === "string" ? cause.constraint : cause?.constraint?.index) ?? e?.constraint ?? e?.meta?.field_name ?? "";
  const message = cause?.originalMessage ?? e?.message ?? "";
  // Prisma names constraints "<Table>_<column>_fkey".
  const field = /^[A-Za-z0-9]+_(.+)_fkey/.exec(constraint)?.[1] ?? "_";
  return { field, deleting: /update or delete on table/.test(message) };
}
