import { parseListQuery, type ListQuery } from "./api";
import { AppError } from "./errors";
import { isUnsafeText } from "./validation";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A page's search params as plain strings (repeated keys keep their first value). A value with
 * unsafe text (NUL, a lone surrogate: lib/server/validation.ts) is dropped like any other that does
 * not parse, so it never reaches a query.
 */
export function stringParams(sp: SearchParams): Record<string, string> {
  return Object.fromEntries(
    Object.entries(sp)
      .flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : Array.isArray(v) && v[0] ? [[k, v[0]]] : []))
      .filter(([k, v]) => !isUnsafeText(k) && !isUnsafeText(v)),
  );
}

/**
 * The list query of a page. Unlike the API, a page never answers 400: a hand-edited URL with a bad
 * page or sort falls back to the first page in the default order.
 */
export function pageListQuery<S extends string>(
  params: Record<string, string>,
  sortable: readonly [S, ...S[]],
  defaultSort: `${S}` | `-${S}`,
): ListQuery<S> {
  try {
    return parseListQuery(new URLSearchParams(params), sortable, defaultSort);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return parseListQuery(new URLSearchParams(), sortable, defaultSort);
  }
}

/** Like pageListQuery for filters: what does not parse is ignored rather than refused. */
export function pageFilters<T extends Record<string, unknown>>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  params: Record<string, string>,
  keys: readonly (keyof T & string)[],
): T {
  const picked = Object.fromEntries(keys.filter((k) => params[k]).map((k) => [k, params[k]]));
  const parsed = schema.safeParse(picked);
  return parsed.success ? parsed.data : ({} as T);
}
