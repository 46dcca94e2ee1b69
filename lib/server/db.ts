import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "./env";
import { statementNames } from "./prepared";

export type Db = PrismaClient;

/**
 * A client with its own pool of DATABASE_POOL_SIZE connections. Every process has one (each web
 * worker of scripts/web-server.mjs and the job worker), so WEB_CONCURRENCY × DATABASE_POOL_SIZE plus
 * the job worker's must stay below PostgreSQL's max_connections (100 by default).
 */
export function createDb(url: string): PrismaClient {
  const prepared = env().DATABASE_PREPARED_STATEMENTS;
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: env().DATABASE_POOL_SIZE }, prepared > 0 ? { statementNameGenerator: statementNames(prepared) as (query: { sql: string }) => string } : {}),
  });
}

const globalForDb = globalThis as unknown as { hospitalDb?: PrismaClient };

/** The process-wide client (one pool per process, kept across hot reloads in development). */
export function db(): PrismaClient {
  if (!globalForDb.hospitalDb) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
    globalForDb.hospitalDb = createDb(url);
  }
  return globalForDb.hospitalDb;
}
