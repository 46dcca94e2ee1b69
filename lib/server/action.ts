import type { z } from "zod";
import type { ErrorCode } from "./errors";
import { toAppError } from "./errors-map";
import { authorize } from "./guard";
import type { Permission } from "./permissions";
import type { Locale } from "@/lib/i18n";
import type { Ctx } from "./session";
import { parseInput } from "./validation";
import { callerLocale } from "./api";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; fields?: Record<string, string>; details?: unknown } };

/** FormData → plain object; repeated names become arrays, empty strings become undefined. */
function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).filter((v) => v !== "");
    if (values.length === 0) continue;
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

/**
 * A schema that reads the form as the caller writes it (e.g. amounts with a French decimal comma):
 * given the caller's language when the action runs.
 */
export type LocalSchema<S extends z.ZodType> = (locale: Locale) => S;

/**
 * The door for server actions: every action names its permission and input schema, so none can skip
 * either. Usable directly (`act(input)`) or with useActionState (`act(prevState, formData)`).
 * Revalidation belongs in the handler; services stay free of Next.js.
 */
export function defineAction<S extends z.ZodType, T>(
  meta: { permission: Permission; schema: S | LocalSchema<S> },
  handler: (ctx: Ctx, input: z.infer<S>) => Promise<T>,
) {
  return wrap(meta.schema, meta.permission, () => authorize(meta.permission), handler);
}

/** For the few actions open to anonymous visitors (self-registration): still one schema, one door. */
export function definePublicAction<S extends z.ZodType, T>(
  meta: { name: string; schema: S },
  handler: (input: z.infer<S>) => Promise<T>,
) {
  return wrap(
    meta.schema,
    meta.name,
    async () => null,
    (_ctx, input) => handler(input),
  );
}

/** Permission first (so an outsider learns nothing about the input's shape), then the schema. */
function wrap<S extends z.ZodType, C, T>(
  schema: S | LocalSchema<S>,
  label: string,
  door: () => Promise<C>,
  run: (ctx: C, input: z.infer<S>) => Promise<T>,
) {
  return async function action(...args: [unknown] | [unknown, unknown]): Promise<ActionResult<T>> {
    const raw = args.length === 2 ? args[1] : args[0];
    try {
      const ctx = await door();
      const input = raw instanceof FormData ? formToObject(raw) : raw;
      const local = typeof schema === "function" ? schema(await callerLocale()) : schema;
      return { ok: true, data: await run(ctx, parseInput(local, input)) };
    } catch (err) {
      if (isNextControlFlow(err)) throw err;
      // The message and field messages are catalogue keys, rendered here in the caller's language.
      const { code, message, fields, details } = toAppError(err, { action: label }).toBody(await callerLocale()).error;
      return {
        ok: false,
        error: { code, message, ...(fields ? { fields } : {}), ...(details !== undefined ? { details } : {}) },
      };
    }
  };
}

// redirect() and notFound() signal by throwing; they must pass through untouched.
function isNextControlFlow(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"))
  );
}
