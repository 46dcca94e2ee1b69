import { randomUUID } from "node:crypto";

// One JSON line per event on stdout/stderr: easy to grep, easy to ship.
type Level = "info" | "warn" | "error";

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}

/** Logs an unexpected error with a new correlation id and returns the id to show the user. */
export function logUnexpected(err: unknown, context: Record<string, unknown> = {}): string {
  const correlationId = randomUUID();
  const e = err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : { value: String(err) };
  log("error", "unexpected error", { correlationId, ...context, error: e });
  return correlationId;
}
