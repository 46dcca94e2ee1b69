// `npm run worker`: runs the background jobs (email delivery, appointment reminders, monthly doctor
// reports, CSV exports) and their schedules. `npm start` runs one beside the web server; more can run
// on other machines against the same DATABASE_URL (jobs are claimed with SKIP LOCKED, and every job
// that must happen once is claimed in the database).
import { startQueue } from "../lib/jobs/queue";
import { startWorkers } from "../lib/jobs/worker";
import { createDb } from "../lib/server/db";
import { checkSecretFingerprint } from "../lib/server/secret-fingerprint";
import { beat, endBeat, HEARTBEAT_EVERY_MS } from "../lib/system/heartbeat";
import { loadDotEnv } from "./db/embedded";

async function main(): Promise<void> {
  loadDotEnv();
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start passes it to the worker)");
  const prisma = createDb(url);
  // A worker on another machine signs emailed links with its own NEXTAUTH_SECRET: it must be the shared one.
  if (process.env.NEXTAUTH_SECRET) await checkSecretFingerprint(prisma, process.env.NEXTAUTH_SECRET);
  const boss = await startQueue(url, { work: true });
  // Every worker registers the schedules; pg-boss creates one job per tick however many there are.
  await startWorkers(boss, prisma, { schedules: true });
  console.log("Worker started: email, reminders, monthly reports, exports.");
  // Seen by the readiness route (/api/v1/health/ready) and the System page: a row renewed every 20 s.
  const startedAt = new Date();
  const heartbeat = () =>
    beat(prisma, startedAt).catch((err: unknown) =>
      console.error(`Worker heartbeat failed: ${err instanceof Error ? err.message : err}`),
    );
  await heartbeat();
  const timer = setInterval(() => void heartbeat(), HEARTBEAT_EVERY_MS);
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      clearInterval(timer);
      // Lets running jobs finish (up to 20 s), then closes the pools.
      void boss
        .stop({ graceful: true, wait: true, timeout: 20_000 })
        .then(() => endBeat(prisma))
        .catch(() => undefined)
        .finally(() => prisma.$disconnect())
        .finally(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
