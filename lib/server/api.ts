import { NextRequest, NextResponse } from "next/server";
import { z } from "zod";
import { assertSameSiteWrite } from "./csrf";
import type { ErrorBody } from "./errors";
import { toAppError } from "./errors-map";
import { db } from "./db";
import { authorize } from "./guard";
import { assertDeclaredWithinLimit, readBodyBytes, readJsonBody } from "./body";
import { idempotencyKeyOf, idempotently } from "./idempotency";
import { log, requestIdFrom } from "./log";
import { observeRequest, routePattern } from "./metrics";
import type { Operation } from "./contract";
import type { Ctx } from "./session";
import { MAX_SEARCH_CHARS } from "./search-limits";
import { assertSafeRequestText, parseInput, ZQueryInt } from "./validation";
import type { Locale } from "@/lib/i18n";
import { en } from "@/lib/i18n/en";
import { requestLocale, visitorLocale } from "@/lib/server/locale";
import { E } from "@/lib/i18n/error-keys";

// The conventions of /api/v1 in one place: auth, errors, JSON bodies and list paging.

type RouteContext<P> = { params: Promise<P> };
type Params = Record<string, string>;

export function errorResponse(
  err: unknown,
  context: Record<string, unknown> = {},
  locale: Locale = "en",
): NextResponse<ErrorBody> {
  const e = toAppError(err, context);
  // The message and field messages are catalogue keys, rendered here in the caller's language.
  const body = e.toBody(locale);
  if (e.correlationId) body.error.correlationId = e.correlationId;
  const headers: Record<string, string> = {};
  if (e.retryAfter) headers["Retry-After"] = String(e.retryAfter);
  return NextResponse.json(body, { status: e.status, headers });
}

/**
 * The caller's language for an error body: the user's, else the request's own (cookie, Accept-Language)
 * when the user cannot be told (the database is down, say); English if even that fails.
 */
export async function callerLocale(): Promise<Locale> {
  try {
    return await requestLocale();
  } catch {
    return visitorLocale().catch(() => "en" as const);
  }
}

function respond(result: unknown): Response {
  return result instanceof Response ? result : NextResponse.json(result);
}

type ParamsOf<Path extends string> = Path extends `${string}{${infer K}}${infer Rest}`
  ? { [k in K]: string } & ParamsOf<Rest>
  : Record<never, never>;
type BodyOf<O> = O extends { rawBody: true }
  ? undefined
  : O extends { body: infer B extends z.ZodType }
    ? z.output<B>
    : undefined;
type QueryOf<O> = O extends { query: infer Q extends z.ZodType } ? z.output<Q> : undefined;
/** What a handler gets: the request, the path's params and the op's body and query, validated. */
type Input<O extends Operation> = { req: NextRequest; params: ParamsOf<O["path"]>; body: BodyOf<O>; query: QueryOf<O> };

/** The op's query schema applied to the query string (the first value of each key it names). */
function queryInput(op: Operation, req: NextRequest): unknown {
  if (!op.query) return undefined;
  const raw = Object.fromEntries(
    Object.keys(op.query.shape).map((k) => [k, req.nextUrl.searchParams.get(k) ?? undefined]),
  );
  return parseInput(op.query, raw);
}

async function bodyInput(op: Operation, req: NextRequest): Promise<unknown> {
  if (!op.body || op.rawBody) return undefined;
  return readJson(req, op.body, "emptyBody" in op ? { empty: op.emptyBody } : {});
}

const bodyLimitOf = (op: Operation) => (typeof op.bodyLimit === "function" ? op.bodyLimit() : op.bodyLimit);

/**
 * Outside production (NODE_ENV development or test), every JSON success answer is checked against the
 * op's response schema (as JSON, the way a client reads it); a mismatch is logged as an error
 * ("response does not match its contract", with the operation and the first issues) and the answer is
 * still sent: a page in development keeps working while the log names the drift. The strict gate is
 * lib/api/contract-responses.int.test.ts, which fails on any mismatch of a GET, or of a write it performs, on the seeded hospital.
 * Production skips the check (no cost).
 */
export async function checkResponse(op: Operation, response: Response): Promise<string[]> {
  if (process.env.NODE_ENV === "production" || !op.response) return [];
  if (
    ![op.status ?? 200, ...(op.otherStatuses ?? [])].includes(response.status) ||
    !(response.headers.get("content-type") ?? "").includes("application/json")
  )
    return [];
  const json: unknown = await response.clone().json();
  const result = op.response.safeParse(json);
  if (result.success) return [];
  const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  log("error", "response does not match its contract", { operation: op.operationId, issues });
  return issues;
}

/**
 * A route handler behind the guard, built from its operation (lib/<domain>/contract.ts): the caller
 * must hold the op's permission (an integration token: "full" or one of its `scopes`); `idempotent`
 * ops honour an Idempotency-Key header (lib/server/idempotency.ts); `bodyLimit` is the op's own
 * declared-length limit and `form` (multipart/form-data) asks a cookie-authenticated write to prove its
 * origin (lib/server/csrf.ts). The handler gets the JSON body and the query already validated by the
 * op's schemas (400 VALIDATION_FAILED / MALFORMED_JSON / 413 otherwise, before it runs).
 */
export function apiRoute<O extends Operation>(op: O, handler: (args: Input<O> & { ctx: Ctx }) => Promise<unknown>) {
  const permission = op.permission;
  if (!permission) throw new Error(`${op.method} ${op.path} is public: use publicRoute`);
  return async (req: NextRequest, route: RouteContext<Params>): Promise<Response> => {
    const request = startRequest(req);
    const fail = async (err: unknown) => errorResponse(err, request.context(), await callerLocale());
    let response: Response;
    try {
      // First, so that a refused request too is counted and logged under its route's pattern (never
      // its path, whose ids would make a new metrics series per record: unbounded memory).
      const params = (await route.params) ?? {};
      request.params = params;
      assertDeclaredWithinLimit(req, bodyLimitOf(op));
      assertSameSiteWrite(req, { multipart: Boolean(op.form) });
      const ctx = await authorize(permission, op.scopes);
      request.actorId = ctx.actor.id;
      assertSafeRequestText(req.nextUrl, params);
      const invoke = async (r: NextRequest) => {
        const query = queryInput(op, r);
        const body = await bodyInput(op, r);
        const res = respond(await handler({ req: r, ctx, params, body, query } as Input<O> & { ctx: Ctx }));
        await checkResponse(op, res);
        return res;
      };
      const key = op.idempotent ? idempotencyKeyOf(req) : null;
      if (key === null) response = await invoke(req);
      else {
        // The body is read once here (for the request's fingerprint, within the body limit) and handed on to the route.
        const body = await readBodyBytes(req);
        const again = new NextRequest(req.url, {
          method: req.method,
          headers: req.headers,
          body: body.byteLength ? body : undefined,
        });
        const run = () => invoke(again).then((r) => r, fail);
        response = await idempotently(
          db(),
          { actorId: ctx.actor.id, key, method: req.method, path: req.nextUrl.pathname, body },
          run,
        );
      }
    } catch (err) {
      response = await fail(err);
    }
    return request.finish(response);
  };
}

/** A route handler open to anyone (status, sign-in, self-registration), built from its public operation. */
export function publicRoute<O extends Operation>(op: O, handler: (args: Input<O>) => Promise<unknown>) {
  if (op.permission) throw new Error(`${op.method} ${op.path} needs ${op.permission}: use apiRoute`);
  return async (req: NextRequest, route: RouteContext<Params>): Promise<Response> => {
    const request = startRequest(req);
    let response: Response;
    try {
      const params = (await route.params) ?? {};
      request.params = params;
      assertDeclaredWithinLimit(req, bodyLimitOf(op));
      assertSameSiteWrite(req);
      assertSafeRequestText(req.nextUrl, params);
      const query = queryInput(op, req);
      const body = await bodyInput(op, req);
      response = respond(await handler({ req, params, body, query } as Input<O>));
      await checkResponse(op, response);
    } catch (err) {
      response = errorResponse(err, request.context(), await callerLocale());
    }
    return request.finish(response);
  };
}

/**
 * One API request's id, timing and outcome: its error body's correlationId is its id; when answered,
 * it is counted in the metrics (route pattern, status, duration: lib/server/metrics.ts), logged as one
 * JSON line (id, method, route pattern, status, duration, actor id: never the path's ids, the query
 * or the body, which may name patients) and the id is sent back in X-Request-Id.
 */
function startRequest(req: NextRequest) {
  const started = performance.now();
  const id = requestIdFrom(req.headers);
  const state = {
    actorId: null as string | null,
    params: {} as Params,
    route: () => routePattern(req.nextUrl.pathname, state.params),
    context: () => ({ requestId: id, method: req.method, route: state.route() }),
    finish(response: Response): Response {
      const seconds = (performance.now() - started) / 1000;
      const route = state.route();
      observeRequest(req.method, route, response.status, seconds);
      // Not in the test suites (thousands of lines); every test of the log line sets NODE_ENV.
      if (process.env.NODE_ENV !== "test")
        log(response.status >= 500 ? "error" : "info", "request", {
          requestId: id,
          method: req.method,
          route,
          status: response.status,
          durationMs: Math.round(seconds * 10_000) / 10,
          actorId: state.actorId,
        });
      try {
        response.headers.set("X-Request-Id", id);
      } catch {
        // an immutable response (a redirect made by Response.redirect): the id is in the log and any error body
      }
      return response;
    },
  };
  return state;
}

export const created = (body: unknown) => NextResponse.json(body, { status: 201 });

/**
 * Reads a JSON body (within the body limit: 413 PAYLOAD_TOO_LARGE; nested at most 32 deep: lib/server/body.ts)
 * and validates it: MALFORMED_JSON or VALIDATION_FAILED with fields. `empty`: the value of a request
 * sent without a body (otherwise a missing body is MALFORMED_JSON).
 */
export async function readJson<S extends z.ZodType>(
  req: Request,
  schema: S,
  options: { empty?: unknown } = {},
): Promise<z.infer<S>> {
  return parseInput(schema, await readJsonBody(req, options));
}

export type ListQuery<S extends string> = {
  q: string;
  page: number;
  pageSize: number;
  skip: number;
  take: number;
  sort: { field: S; dir: "asc" | "desc" };
};

/** `?q=&page=1&pageSize=20&sort=field|-field`, pageSize at most 100, sort limited to the given fields. */
export function parseListQuery<S extends string>(
  params: URLSearchParams,
  sortable: readonly [S, ...S[]],
  defaultSort: `${S}` | `-${S}` = `${sortable[0]}`,
): ListQuery<S> {
  const schema = z.object({
    q: z.string().trim().max(MAX_SEARCH_CHARS, E.errors.searchTooLong).default(""),
    page: ZQueryInt.pipe(z.number().min(1, E.errors.firstPage)).default(1),
    pageSize: ZQueryInt.pipe(z.number().min(1, E.errors.atLeast(1)).max(100, E.errors.atMost(100))).default(20),
    sort: z
      .string()
      .refine((s) => sortable.includes(s.replace(/^-/, "") as S), { message: E.errors.sortBy(sortable.join(", ")) })
      .default(defaultSort),
  });
  const raw = Object.fromEntries([...params.entries()].filter(([k]) => ["q", "page", "pageSize", "sort"].includes(k)));
  const { q, page, pageSize, sort } = parseInput(schema, raw);
  const desc = sort.startsWith("-");
  return {
    q,
    page,
    pageSize,
    skip: (page - 1) * pageSize,
    take: pageSize,
    sort: { field: sort.replace(/^-/, "") as S, dir: desc ? "desc" : "asc" },
  };
}

export function listResponse<T>(items: T[], total: number, query: { page: number; pageSize: number }) {
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/**
 * A list computed whole (a catalogue, a day's slots, the caller's exports) in the one list envelope:
 * `?page=&pageSize=` (pageSize at most 100, by default `size`), `total` the whole list's length.
 */
export function pageOf<T>(items: readonly T[], params: URLSearchParams, size = 100) {
  const schema = z.object({
    page: ZQueryInt.pipe(z.number().min(1, en.errors.firstPage)).default(1),
    pageSize: ZQueryInt.pipe(z.number().min(1, en.errors.atLeast(1)).max(100, en.errors.atMost(100))).default(size),
  });
  const raw = Object.fromEntries([...params.entries()].filter(([k]) => k === "page" || k === "pageSize"));
  const { page, pageSize } = parseInput(schema, raw);
  const skip = (page - 1) * pageSize;
  return listResponse(items.slice(skip, skip + pageSize), items.length, { page, pageSize });
}
