import { z } from "zod";
import { AppError } from "./errors";
import type { Locale } from "@/lib/i18n";
import { E } from "@/lib/i18n/error-keys";
import { renderFields, type Msg } from "@/lib/i18n/message";

// zod's own messages ("Invalid input: expected string, received undefined") are replaced by keys of
// the catalogue (lib/i18n/error-keys.ts), rendered in the reader's language where the answer is made
// (fieldErrors(issues, locale), AppError.toBody(locale)). A schema's own message, where it gives one,
// still wins: schemas give keys too (`z.string().min(1, E.patients.errors.required)`).
const e = E.errors;
type Issue = z.core.$ZodRawIssue;
function sized(issue: Issue & { code: "too_small" | "too_big" }): Msg {
  const small = issue.code === "too_small";
  const n = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === "string") return small ? e.minLength(n) : e.maxLength(n);
  if (issue.origin === "array" || issue.origin === "set") return small ? e.minItems(n) : e.maxItems(n);
  if (issue.origin === "date") return e.date;
  if (issue.inclusive === false) return small ? e.above(n) : e.below(n);
  return small ? e.min(n) : e.max(n);
}
export function catalogueMessage(issue: Issue): Msg | undefined {
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
      return issue.format === "email"
        ? e.email
        : issue.format === "date" || issue.format === "datetime"
          ? e.date
          : e.format;
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

/** Field path → first message's key, the shape both forms and the API show. */
export function fieldMessages(issues: readonly z.core.$ZodIssue[]): Record<string, Msg> {
  const fields: Record<string, Msg> = {};
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    // Every message is a key: zod's own become keys above, and schemas give keys for theirs.
    fields[key] ??= issue.message as Msg;
  }
  return fields;
}

/** Field path → first message, in the given language. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], locale: Locale = "en"): Record<string, string> {
  return renderFields(fieldMessages(issues), locale);
}

// One rule for all text that comes in — JSON bodies, form data, query strings, path params, sign-in
// credentials: no NUL and no lone UTF-16 surrogate. PostgreSQL's text types cannot hold NUL (error
// 22021) and UTF-8 cannot encode a lone surrogate (storing it fails, in the audit details too), so
// either would otherwise surface as a 500 from deep inside a query. They are refused at the door
// with a field error, as OWASP ASVS V5.1 asks (validate structured input against an allow-list,
// reject rather than repair), and as PostgreSQL-backed FHIR servers do for NUL in strings. Nothing
// is silently stripped: a changed value could mean a different patient or drug.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** NUL or a lone surrogate: text no column may hold. */
export function isUnsafeText(s: string): boolean {
  return s.includes("\u0000") || LONE_SURROGATE.test(s);
}

/** A field name fit to be shown (the offending characters of a bad key replaced by U+FFFD). */
const shown = (key: string | number) =>
  String(key)
    .replace(/\u0000/g, "\ufffd")
    .replace(new RegExp(LONE_SURROGATE.source, "g"), "\ufffd");

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== "object") return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * The field path ("items.0.dose") of the first unsafe text in a value — strings and object keys, at
 * any depth — or null when all its text is safe. Walks without recursion, so deep input cannot
 * exhaust the stack.
 */
export function unsafeTextPath(value: unknown): string | null {
  type Node = { v: unknown; key: string | number | null; parent: Node | null };
  const path = (n: Node, last?: string) => {
    const keys: (string | number)[] = last === undefined ? [] : [last];
    for (let at: Node | null = n; at && at.key !== null; at = at.parent) keys.push(at.key);
    return keys.length ? keys.reverse().map(shown).join(".") : "_";
  };
  const stack: Node[] = [{ v: value, key: null, parent: null }];
  while (stack.length) {
    const node = stack.pop()!;
    const v = node.v;
    if (typeof v === "string") {
      if (isUnsafeText(v)) return path(node);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], key: i, parent: node });
    } else if (isPlainObject(v)) {
      const entries = Object.entries(v);
      for (const [k] of entries) if (isUnsafeText(k)) return path(node, k);
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ v: entries[i][1], key: entries[i][0], parent: node });
    }
  }
  return null;
}

const unsafeTextError = (field: string) =>
  new AppError("VALIDATION_FAILED", E.errors.fixFields, { fields: { [field]: E.errors.unsafeText } });

/** Throws VALIDATION_FAILED naming the field when a value holds unsafe text. */
export function assertSafeText(value: unknown): void {
  const field = unsafeTextPath(value);
  if (field !== null) throw unsafeTextError(field);
}

/**
 * The same rule for what a route reads besides its body: every query parameter (name and value,
 * whether or not the route reads it) and the path params. Called by the route doors (apiRoute,
 * publicRoute, the FHIR route) before any handler runs.
 */
export function assertSafeRequestText(url: URL, params: unknown = {}): void {
  for (const [k, v] of url.searchParams) if (isUnsafeText(k) || isUnsafeText(v)) throw unsafeTextError(shown(k));
  assertSafeText(params);
}

/**
 * A whole number in a query string (`?page=2`). Query strings are text, so it is parsed from one —
 * but strictly: digits only, so `1e1`, `0x10`, ` 2`, `true` or `2.0` are refused, not guessed at.
 */
export const ZQueryInt = z
  .string()
  .regex(/^\d{1,15}$/, E.errors.digitsOnly)
  .transform(Number);

/**
 * The form side of "numbers are numbers": the schemas never coerce, so a form turns what was typed
 * into the number it spells before sending (digits, an optional minus and decimal point). Blank is
 * absent; text that spells no number (or `1e1`) becomes NaN, which the schema refuses with the
 * field's own message.
 */
export function formNumber(text: string): number | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/** Parses input with a zod schema or throws VALIDATION_FAILED listing each field. Unsafe text is refused first. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  assertSafeText(data);
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new AppError("VALIDATION_FAILED", E.errors.fixFields, { fields: fieldMessages(result.error.issues) });
}
