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
import type { Permission } from "./permissions";
import type { Ctx } from "./session";
import { MAX_SEARCH_CHARS } from "./search-limits";
import { assertSafeRequestText, parseInput, ZQueryInt } from "./validation";
import type { Locale } from "@/lib/i18n";
import { en } from "@/lib/i18n/en";
import { requestLocale, visitorLocale } from "@/lib/i18n/server";
import { E } from "@/lib/i18n/error-keys";

// The conventions of /api/v1 in one place: auth, errors, JSON bodies and list paging.

type RouteContext<P> = { params: Promise<P> };
type Params = Record<string, string>;

export function errorResponse(err: unknown, context: Record<string, unknown> = {}, locale: Locale = "en"): NextResponse<ErrorBody> {
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

/**
 * A route handler behind the guard: the caller must hold the permission. `scopes`: the integration
 * token scopes (besides "full") that may call it, e.g. ["public-health:read"]. `idempotent`: the route
 * honours an Idempotency-Key header (lib/server/idempotency.ts; mark it `idempotent` in openapi-routes.ts too).
 * `bodyLimit`: the route's own declared-length limit (the document upload's); `multipart`: the route
 * takes multipart/form-data (lib/server/csrf.ts then asks a cookie-authenticated write to prove its origin).
 */
export function apiRoute<P extends Params = Params>(
  permission: Permission,
  handler: (args: { req: NextRequest; ctx: Ctx; params: P }) => Promise<unknown>,
  options: { scopes?: readonly string[]; idempotent?: boolean; bodyLimit?: number; multipart?: boolean } = {},
) {
  return async (req: NextRequest, route: RouteContext<P>): Promise<Response> => {
    const request = startRequest(req);
    const fail = async (err: unknown) => errorResponse(err, request.context(), await callerLocale());
    let response: Response;
    try {
      // First, so that a refused request too is counted and logged under its route's pattern (never
      // its path, whose ids would make a new metrics series per record: unbounded memory).
      const params = await route.params;
      request.params = params ?? {};
      assertDeclaredWithinLimit(req, options.bodyLimit);
      assertSameSiteWrite(req, { multipart: options.multipart });
      const ctx = await authorize(permission, options.scopes);
      request.actorId = ctx.actor.id;
      assertSafeRequestText(req.nextUrl, params);
      const key = options.idempotent ? idempotencyKeyOf(req) : null;
      if (key === null) response = respond(await handler({ req, ctx, params }));
      else {
        // The body is read once here (for the request's fingerprint, within the body limit) and handed on to the route.
        const body = await readBodyBytes(req);
        const again = new NextRequest(req.url, { method: req.method, headers: req.headers, body: body.byteLength ? body : undefined });
        const run = () => handler({ req: again, ctx, params }).then(respond, fail);
        response = await idempotently(db(), { actorId: ctx.actor.id, key, method: req.method, path: req.nextUrl.pathname, body }, run);
      }
    } catch (err) {
      response = await fail(err);
    }
    return request.finish(response);
  };
}

/** A route handler open to anyone (status, sign-in, self-registration). */
export function publicRoute<P extends Params = Params>(handler: (args: { req: NextRequest; params: P }) => Promise<unknown>) {
  return async (req: NextRequest, route: RouteContext<P>): Promise<Response> => {
    const request = startRequest(req);
    let response: Response;
    try {
      const params = await route.params;
      request.params = params ?? {};
      assertDeclaredWithinLimit(req);
      assertSameSiteWrite(req);
      assertSafeRequestText(req.nextUrl, params);
      response = respond(await handler({ req, params }));
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
      if (process.env.NODE_ENV !== "test") log(response.status >= 500 ? "error" : "info", "request", { requestId: id, method: req.method, route, status: response.status, durationMs: Math.round(seconds * 10_000) / 10, actorId: state.actorId });
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
export async function readJson<S extends z.ZodType>(req: Request, schema: S, options: { empty?: unknown } = {}): Promise<z.infer<S>> {
  return parseInput(schema, await readJsonBody(req, options));
}

export type ListQuery<S extends string> = { q: string; page: number; pageSize: number; skip: number; take: number; sort: { field: S; dir: "asc" | "desc" } };

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
  return { q, page, pageSize, skip: (page - 1) * pageSize, take: pageSize, sort: { field: sort.replace(/^-/, "") as S, dir: desc ? "desc" : "asc" } };
}

export function listResponse<T>(items: T[], total: number, query: { page: number; pageSize: number }) {
  return { items, total, page: query.page, pageSize: query.pageSize };
}
