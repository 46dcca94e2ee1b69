import { hostname } from "node:os";
import type { Db } from "@/lib/server/db";

// A job worker's sign of life: scripts/worker.ts renews its WorkerHeartbeat row every 20 s (one
// primary-key upsert), and the readiness route and the System page ask whether any worker was seen
// within the last minute. Rows of workers gone for a day are removed by the next heartbeat.

export const HEARTBEAT_EVERY_MS = 20_000;
/** A worker not seen for this long is taken for gone (three missed heartbeats). */
export const WORKER_SEEN_WITHIN_MS = 60_000;

export function workerId(): string {
  return `${hostname()}:${process.pid}`;
}

/** Records that this worker is alive; `startedAt`: when it started. */
export async function beat(prisma: Db, startedAt: Date, id = workerId()): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "WorkerHeartbeat" (id, host, pid, "startedAt", "seenAt") VALUES (${id}, ${hostname()}, ${process.pid}, ${startedAt}, now())
    ON CONFLICT (id) DO UPDATE SET "seenAt" = now()`;
  await prisma.$executeRaw`DELETE FROM "WorkerHeartbeat" WHERE "seenAt" < now() - interval '1 day'`;
}

/** Removes this worker's row when it stops (a stopped worker is not "seen"). */
export async function endBeat(prisma: Db, id = workerId()): Promise<void> {
  await prisma.$executeRaw`DELETE FROM "WorkerHeartbeat" WHERE id = ${id}`;
}

export type WorkerSeen = { id: string; host: string; pid: number; startedAt: Date; seenAt: Date };

/** The workers seen within the last minute (by the database's clock), most recent first. */
export async function liveWorkers(prisma: Db): Promise<WorkerSeen[]> {
  return prisma.$queryRaw<WorkerSeen[]>`
    SELECT id, host, pid, "startedAt", "seenAt" FROM "WorkerHeartbeat"
    WHERE "seenAt" > now() - make_interval(secs => ${WORKER_SEEN_WITHIN_MS / 1000}::float8) ORDER BY "seenAt" DESC`;
}
