import { db } from "@/lib/server/db";
import { log } from "@/lib/server/log";
import pkg from "@/package.json";

export type Status = { status: "ok" | "degraded"; database: "ok" | "unreachable"; version: string };

/** Liveness for load balancers and the console: one round trip to PostgreSQL. */
export async function checkDatabase(): Promise<Status> {
  try {
    await db().$queryRaw`SELECT 1`;
    return { status: "ok", database: "ok", version: pkg.version };
  } catch (err) {
    log("error", "status check: database unreachable", { error: err instanceof Error ? err.message : String(err) });
    return { status: "degraded", database: "unreachable", version: pkg.version };
  }
}
