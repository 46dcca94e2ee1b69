import { z } from "zod";
import { AppError } from "./errors";

// A missing field reads "Required" rather than zod's "expected string, received undefined".
z.config({ customError: (issue) => (issue.code === "invalid_type" && issue.input === undefined ? "Required" : undefined) });

/** Field path → first message, the shape both forms and the API show. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Parses input with a zod schema or throws VALIDATION_FAILED listing each field. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new AppError("VALIDATION_FAILED", "Some fields need attention.", { fields: fieldErrors(result.error.issues) });
}
