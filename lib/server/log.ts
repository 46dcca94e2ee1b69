import { randomUUID } from "node:crypto";
import { clock } from "./clock";

// One JSON line per event on stdout/stderr: easy to grep, easy to ship.
type Level = "info" | "warn" | "error";

const RANK: Record<Level, number> = { info: 0, warn: 1, error: 2 };

/** LOG_LEVEL (info, warn or error; default info): lines below it are not written. */
function threshold(): number {
  const v = process.env.LOG_LEVEL?.trim().toLowerCase();
  return v === "warn" || v === "error" ? RANK[v] : 0;
}

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (RANK[level] < threshold()) return;
  const line = JSON.stringify({ t: clock.now().toISOString(), level, msg, ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}

/**
 * Logs an unexpected error with a correlation id and returns the id to show the user: the request's id
 * when the context carries one (`requestId`, set by the API route helpers), else a new one.
 */
export function logUnexpected(err: unknown, context: Record<string, unknown> = {}): string {
  const correlationId = typeof context.requestId === "string" ? context.requestId : randomUUID();
  const e = err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : { value: String(err) };
  log("error", "unexpected error", { correlationId, ...context, error: e });
  return correlationId;
}

/**
 * The id of one request, carried by its log line, its error body (correlationId) and the X-Request-Id
 * response header: a reverse proxy's X-Request-Id when it is a plain token (letters, digits, dashes,
 * underscores, dots; at most 64), so the proxy's access log and ours share it; else a new UUID.
 */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
}
