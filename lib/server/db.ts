import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "./env";
import { trackPool } from "./metrics";
import { statementNames } from "./prepared";

export type Db = PrismaClient;

/**
 * A client with its own pool of DATABASE_POOL_SIZE connections. Every process has one (each web
 * worker of scripts/web-server.mjs and the job worker), so WEB_CONCURRENCY × DATABASE_POOL_SIZE plus
 * the job worker's must stay below PostgreSQL's max_connections (100 by default).
 */
export function createDb(
  url: string,
  options: { statementTimeoutMs?: number; onPool?: (pool: pg.Pool) => void } = {},
): PrismaClient {
  const prepared = env().DATABASE_PREPARED_STATEMENTS;
  const timeout = options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {};
  // The pool is made here and handed to the adapter (which ends it on $disconnect), so that its
  // counters (open, idle, waiting) can be read for the metrics (lib/server/metrics.ts).
  const pool = new pg.Pool({ connectionString: url, max: env().DATABASE_POOL_SIZE, ...timeout });
  options.onPool?.(pool);
  const adapterOptions = {
    disposeExternalPool: true,
    ...(prepared > 0 ? { statementNameGenerator: statementNames(prepared) as (query: { sql: string }) => string } : {}),
  };
  return new PrismaClient({ adapter: new PrismaPg(pool, adapterOptions) });
}

const globalForDb = globalThis as unknown as { hospitalDb?: PrismaClient };

/**
 * The process-wide client of the web server (one pool per process, kept across hot reloads in
 * development). Its connections run every statement under STATEMENT_TIMEOUT_MS (PostgreSQL's
 * statement_timeout, set when each connection opens): a search that would run for seconds (FHIR
 * `name=` with thousands of words did, 15–21 s) is cancelled (57014) and answered 503 with
 * Retry-After (lib/server/errors-map.ts) instead of holding a connection and slowing everyone.
 * The job worker's client (scripts/worker.ts: createDb) has none: exports and reports may run long.
 */
export function db(): PrismaClient {
  if (!globalForDb.hospitalDb) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
    globalForDb.hospitalDb = createDb(url, { statementTimeoutMs: env().STATEMENT_TIMEOUT_MS, onPool: trackPool });
  }
  return globalForDb.hospitalDb;
}
