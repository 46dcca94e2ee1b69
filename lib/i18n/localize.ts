import { en } from "./en";
import { catalog, type Locale } from "./index";

// Error messages are written in English where they arise (services and schemas read the English
// catalogue once, at load). At the edge (API responses, server actions) they are put into the
// caller's language by walking the English and the target catalogue side by side: a fixed English
// sentence maps to its translation; a sentence built by a function maps through a pattern made by
// calling the English function with markers, whose captures are handed to the target function.

type Fn = (...args: unknown[]) => string;
type Pattern = { re: RegExp; target: Fn };
type Table = { exact: Map<string, string>; patterns: Pattern[] };

const MARK = (i: number) => `\u0001${i}\u0001`;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function walk(source: unknown, target: unknown, table: Table): void {
  if (typeof source === "string" && typeof target === "string") {
    if (source !== target && !table.exact.has(source)) table.exact.set(source, target);
    return;
  }
  if (typeof source === "function" && typeof target === "function") {
    const arity = source.length;
    if (arity === 0) return;
    let sample: string;
    try {
      sample = (source as Fn)(...Array.from({ length: arity }, (_, i) => MARK(i)));
    } catch {
      return; // the function computes with its arguments (numbers formatted, say): not an error sentence
    }
    if (typeof sample !== "string") return;
    // A pattern with no words of its own ("a · b", a bare name) would match anything.
    if (!/\p{L}{2}/u.test(sample.replace(/\u0001\d+\u0001/g, ""))) return;
    let src = escapeRegExp(sample);
    for (let i = 0; i < arity; i++) {
      if (sample.split(MARK(i)).length !== 2) return; // an argument used twice or not at all
      src = src.replace(escapeRegExp(MARK(i)), `(?<a${i}>[\\s\\S]+?)`);
    }
    table.patterns.push({ re: new RegExp(`^${src}$`), target: target as Fn });
    return;
  }
  if (source && target && typeof source === "object" && typeof target === "object") {
    for (const key of Object.keys(source)) walk((source as Record<string, unknown>)[key], (target as Record<string, unknown>)[key], table);
  }
}

const tables = new Map<Locale, Table>();

function tableFor(locale: Locale): Table {
  let table = tables.get(locale);
  if (!table) {
    table = { exact: new Map(), patterns: [] };
    walk(en, catalog(locale), table);
    tables.set(locale, table);
  }
  return table;
}

const asArg = (s: string): unknown => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s);

/** An English message in the given language; unchanged when English or when no translation is known. */
export function localizeText(text: string, locale: Locale): string {
  if (locale === "en" || !text) return text;
  const table = tableFor(locale);
  const exact = table.exact.get(text);
  if (exact !== undefined) return exact;
  for (const p of table.patterns) {
    const m = p.re.exec(text);
    if (!m?.groups) continue;
    const args = Object.keys(m.groups)
      .sort()
      .map((k) => asArg(table.exact.get(m.groups![k]) ?? m.groups![k]));
    return p.target(...args);
  }
  return text;
}

/** An error's message and field messages in the given language. */
export function localizeError<E extends { message: string; fields?: Record<string, string> }>(error: E, locale: Locale): E {
  if (locale === "en") return error;
  const fields = error.fields ? Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, localizeText(v, locale)])) : undefined;
  return { ...error, message: localizeText(error.message, locale), ...(fields ? { fields } : {}) };
}
