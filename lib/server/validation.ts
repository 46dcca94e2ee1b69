import { z } from "zod";
import { en } from "@/lib/i18n/en";
import { AppError } from "./errors";

// zod's own messages ("Invalid input: expected string, received undefined") are replaced by
// sentences of the English catalogue, so that lib/i18n/localize.ts can put them into the caller's
// language. A schema's own message, where it gives one, still wins.
const e = en.errors;
type Issue = z.core.$ZodRawIssue;
function sized(issue: Issue & { code: "too_small" | "too_big" }): string {
  const small = issue.code === "too_small";
  const n = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === "string") return small ? e.minLength(n) : e.maxLength(n);
  if (issue.origin === "array" || issue.origin === "set") return small ? e.minItems(n) : e.maxItems(n);
  if (issue.origin === "date") return e.date;
  if (issue.inclusive === false) return small ? e.above(n) : e.below(n);
  return small ? e.min(n) : e.max(n);
}
export function catalogueMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return e.required;
      if (issue.expected === "int") return e.wholeNumber;
      if (issue.expected === "number" || issue.expected === "bigint") return e.number;
      if (issue.expected === "date") return e.date;
      return e.invalid;
    case "too_small":
    case "too_big":
      return sized(issue);
    case "invalid_format":
      return issue.format === "email" ? e.email : issue.format === "date" || issue.format === "datetime" ? e.date : e.format;
    case "not_multiple_of":
      return e.wholeNumber;
    case "invalid_value":
      return e.choose;
    case "unrecognized_keys":
      return e.unknownFields(issue.keys.join(", "));
    default:
      return e.invalid;
  }
}
z.config({ customError: catalogueMessage });

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
  throw new AppError("VALIDATION_FAILED", en.errors.fixFields, { fields: fieldErrors(result.error.issues) });
}
