import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The database's clock as Prisma stores instants: UTC in `timestamp(3)` columns. Leases and expiries
 * that several processes compare (outbox claims, job leases, idempotency keys) are computed with
 * this one clock, never a process's own, and stay right whatever the session's TimeZone.
 */
export const DB_NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** DB_NOW plus (or minus, when negative) a number of seconds. */
export const dbNowPlus = (seconds: number) => Prisma.sql`(${DB_NOW} + ${seconds}::int * interval '1 second')`;
