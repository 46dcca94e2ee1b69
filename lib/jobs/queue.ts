import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import { env } from "@/lib/server/env";
import { log } from "@/lib/server/log";
import { JOBS, JOB_NAMES, type JobName, type JobPayload } from "./definitions";

// The durable queue: pg-boss keeps its jobs in the app's PostgreSQL (schema "pgboss", created and
// migrated by pg-boss itself on start). Jobs are fetched with SKIP LOCKED, so any number of workers
// can run side by side. pg-boss 10, the last major version that runs on Node 20 (11 needs Node 22).
// Finished and failed jobs stay in pgboss.job for KEEP_SECONDS (what /admin/jobs shows, and the
// horizon of a job id's uniqueness), then move to pgboss.archive, which keeps them one more day.

const KEEP_SECONDS = 14 * 24 * 3600;

export type Queue = PgBoss;

/** A started queue with every queue of JOBS created. `work: false` for processes that only enqueue. */
export async function startQueue(url: string, opts: { work: boolean }): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    schedule: opts.work,
    supervise: opts.work,
    application_name: opts.work ? "hospital-worker" : "hospital-web",
    archiveCompletedAfterSeconds: KEEP_SECONDS,
    archiveFailedAfterSeconds: KEEP_SECONDS,
    deleteAfterDays: 1,
  });
  boss.on("error", (error) => log("error", "job queue error", { error: error.message }));
  await boss.start();
  for (const name of JOB_NAMES) {
    const options = { name, ...JOBS[name].options };
    // An existing queue takes the options of this version too (retries, expiry).
    if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
    else if (opts.work) await boss.updateQueue(name, options);
  }
  return boss;
}

const globalForQueue = globalThis as unknown as { hospitalQueue?: Promise<PgBoss> };

/** The web process's queue (enqueue only), started on first use. */
export function queue(): Promise<PgBoss> {
  if (!globalForQueue.hospitalQueue) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    globalForQueue.hospitalQueue = startQueue(url, { work: false }).catch((err) => {
      globalForQueue.hospitalQueue = undefined;
      throw err;
    });
  }
  return globalForQueue.hospitalQueue;
}

/** Validates the payload and enqueues a job; `id` makes a job unique (a second send is a no-op). */
export async function enqueue<N extends JobName>(
  boss: PgBoss,
  name: N,
  payload: JobPayload<N>,
  opts: { key?: string } = {},
): Promise<string | null> {
  const data = JOBS[name].payload.parse(payload) as object;
  return boss.send(name, data, opts.key ? { id: stableId(`${name}:${opts.key}`) } : {});
}

/** A UUID derived from a key, so that the same key always names the same job. */
export function stableId(key: string): string {
  const h = createHash("sha1").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
