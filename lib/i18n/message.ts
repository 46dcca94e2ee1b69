import { catalog, type Locale } from "./index";

// A message by key: a catalogue key (its path in lib/i18n/en.ts) and the arguments of the catalogue's
// function there, rendered in a reader's language only where the answer is made (an API body, an
// action's result, a page). Errors and validation messages travel as such keys, never as English
// sentences to be translated back.
//
// A key travels as a string (zod keeps an issue's message as a string: lib/server/validation.ts), made
// only by `keyed` below: `KEY_MARK` followed by the JSON of `[path, ...args]`. Its type, `Msg`, is
// branded, so a plain sentence is refused where a key is asked for.

declare const msgBrand: unique symbol;
/** A catalogue key with its arguments, made by `keyed` (never by hand). */
export type Msg = string & { readonly [msgBrand]: true };

const KEY_MARK = "\u2063msg:";

/** A value a keyed message may take as an argument: a number, plain text, or another key (a record's name, say). */
export type MsgArg = string | number;

/** The keyed mirror of a catalogue: each sentence a `Msg`, each function one giving a `Msg` from the same arguments. */
export type Keyed<T> = T extends string
  ? Msg
  : T extends (...args: infer A) => string
    ? (...args: A) => Msg
    : { readonly [K in keyof T]: Keyed<T[K]> };

export const isMsg = (text: unknown): text is Msg => typeof text === "string" && text.startsWith(KEY_MARK);

const token = (path: readonly string[], args: readonly unknown[]) =>
  (KEY_MARK + JSON.stringify([path, ...args])) as Msg;

/** The keyed mirror of `source`, whose paths are those of the English catalogue (lib/i18n/error-keys.ts). */
export function keyed<T>(source: T, path: readonly string[] = []): Keyed<T> {
  if (typeof source === "string") return token(path, []) as Keyed<T>;
  if (typeof source === "function") return ((...args: unknown[]) => token(path, args)) as Keyed<T>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(source as Record<string, unknown>)) out[k] = keyed(v, [...path, k]);
  return out as Keyed<T>;
}

/** The path and arguments of a keyed message, or null for plain text. */
export function parseMsg(text: string): { path: string[]; args: unknown[] } | null {
  if (!isMsg(text)) return null;
  try {
    const [path, ...args] = JSON.parse(text.slice(KEY_MARK.length)) as [string[], ...unknown[]];
    return Array.isArray(path) ? { path, args } : null;
  } catch {
    return null;
  }
}

/**
 * A message in the given language: a keyed message is looked up in that language's catalogue (its
 * arguments rendered too, when they are keys themselves); plain text is returned as it is.
 */
export function renderMessage(text: string, locale: Locale): string {
  const parsed = parseMsg(text);
  if (!parsed) return text;
  let node: unknown = catalog(locale);
  for (const part of parsed.path)
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  const args = parsed.args.map((a) => (typeof a === "string" ? renderMessage(a, locale) : a));
  if (typeof node === "function") return String((node as (...a: unknown[]) => unknown)(...args));
  if (typeof node === "string") return node;
  // A key the catalogue does not know (the types make this unreachable): its path rather than nothing.
  return parsed.path.join(".");
}

/** Field path → message, each rendered in the given language. */
export function renderFields(fields: Record<string, string>, locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, renderMessage(v, locale)]));
}
