import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "./env";

export type Db = PrismaClient;

export function createDb(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
}

const globalForDb = globalThis as unknown as { hospitalDb?: PrismaClient };

/** The process-wide client (one pool per process, kept across hot reloads in development). */
export function db(): PrismaClient {
  globalForDb.hospitalDb ??= createDb(env().DATABASE_URL);
  return globalForDb.hospitalDb;
}
