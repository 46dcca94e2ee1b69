import { z } from "zod";
import type { Permission } from "./permissions";

// One contract per API operation (issue 18): method, path, permission, token scopes, the input
// schemas the route validates with, the response schema, the statuses and content types. Each domain
// declares its operations in lib/<domain>/contract.ts; the route is built from the operation
// (`apiRoute(ops.x, handler)`, lib/server/api.ts) and the OpenAPI document is generated from the
// union of all of them (lib/api/operations.ts → lib/server/openapi.ts). No domain import here.

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Error statuses an operation may list in `errors` (besides those every operation of its kind has). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429 | 503;

export type OperationSpec = {
  method: Method;
  /** Under /api/v1, with {param} placeholders. */
  path: string;
  tag: string;
  summary: string;
  /** null: public (publicRoute). */
  permission: Permission | null;
  /** Token scopes (besides "full") that may call it. */
  scopes?: readonly string[];
  /** Honours an Idempotency-Key header (lib/server/idempotency.ts). */
  idempotent?: boolean;
  /** The route's own declared-length limit (the document upload's). */
  bodyLimit?: number | (() => number);
  /** A multipart/form-data body instead of JSON: the name of its schema in openapi.ts's components. */
  form?: string;
  /**
   * The JSON body: apiRoute reads it (size limit, NUL/surrogate checks) and validates it with this
   * schema before the handler runs; the handler gets it as `body`.
   */
  body?: z.ZodType;
  /** The body's value when the request has none (otherwise a missing body is MALFORMED_JSON). */
  emptyBody?: unknown;
  /**
   * The body is described here but read by the handler itself (it takes more than one shape, or none):
   * apiRoute leaves the request's body alone.
   */
  rawBody?: boolean;
  /**
   * The query parameters: apiRoute validates the query string (first value of each key the schema
   * names) and hands the result to the handler as `query`. A key not optional in the schema is
   * documented as required.
   */
  query?: z.ZodObject;
  /** Answers the list envelope { items, total, page, pageSize } (the response is `listOf(item)`). */
  list?: boolean;
  /**
   * The success body (JSON); for a list, `listOf(itemSchema)`. Absent only for a non-JSON answer
   * (`produces`), no body (204) or a `responseRef`: lib/server/openapi.test.ts refuses a JSON success
   * answer documented as a bare object.
   */
  response?: z.ZodType;
  /** The success answer's component schema in openapi.ts (multipart document routes). */
  responseRef?: string;
  /** Success status when not 200. */
  status?: number;
  /**
   * Other success statuses answering the same body: a create that finds its record already made
   * (200 beside 201), or one route doing two kinds of change (a batch received: 201; adjusted: 200).
   */
  otherStatuses?: readonly number[];
  /** Error statuses it can really return, besides 400/401/403/415/429 that the document adds by kind. */
  errors?: readonly ErrorStatus[];
  /** A success answer that is not JSON: its content types (the body is the bytes themselves). */
  produces?: readonly string[];
  /** Examples for the document: a request body and a success body. */
  examples?: { request?: unknown; response?: unknown };
};

export type Operation<S extends OperationSpec = OperationSpec> = S & { readonly operationId: string };

const operationIdOf = (method: Method, path: string) =>
  `${method.toLowerCase()}${path.replace(/\{(\w+)\}/g, "By-$1").replace(/[^a-zA-Z0-9]+(.)/g, (_, c: string) => c.toUpperCase())}`;

/** One API operation. The object is what the route, the document and the tests read. */
export function defineOperation<const S extends OperationSpec>(spec: S): Operation<S> {
  return { ...spec, operationId: operationIdOf(spec.method, spec.path) };
}

/** The one list envelope of /api/v1: `{ items, total, page, pageSize }` (plus `extra` fields, e.g. counts). */
export function listOf<T extends z.ZodType, E extends z.ZodRawShape = Record<never, never>>(item: T, extra?: E) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    ...(extra ?? ({} as E)),
  });
}

/** Query parameters as the query string carries them (strings); `required` ones are not optional. */
export function queryOf<const K extends string, const R extends string = never>(
  names: readonly K[],
  required: readonly R[] = [],
) {
  const shape = Object.fromEntries(
    names.map((n) => [n, (required as readonly string[]).includes(n) ? z.string() : z.string().optional()]),
  );
  return z.object(shape) as z.ZodObject<
    { [k in Exclude<K, R>]: z.ZodOptional<z.ZodString> } & { [k in R]: z.ZodString }
  >;
}

/** The paging keys of every list (`?q=&page=&pageSize=&sort=`, read by parseListQuery). */
export const PAGING = ["q", "page", "pageSize", "sort"] as const;

// Shapes used by many response schemas: dates travel as ISO strings in JSON.
/** An instant as JSON carries it (ISO 8601, e.g. 2026-12-07T09:30:00.000Z). */
export const zIso = z.iso.datetime({ offset: true });
export const zId = z.string();
