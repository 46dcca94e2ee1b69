import { AppError } from "./errors";
import { logUnexpected } from "./log";

/**
 * Turns anything thrown into an AppError a user may see. Known database conflicts become DUPLICATE;
 * everything unexpected is logged with a correlation id and replaced by a generic sentence.
 */
export function toAppError(err: unknown, context: Record<string, unknown> = {}): AppError & { correlationId?: string } {
  if (err instanceof AppError) return err;
  if (isUniqueViolation(err)) return new AppError("DUPLICATE", "A record with these details already exists.");
  const correlationId = logUnexpected(err, context);
  const generic = new AppError("INTERNAL", `Something went wrong on our side. Reference: ${correlationId}`) as AppError & { correlationId?: string };
  generic.correlationId = correlationId;
  return generic;
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string; originalCode?: string } } | null;
  return e?.code === "P2002" || e?.cause?.originalCode === "23505" || e?.code === "23505";
}
