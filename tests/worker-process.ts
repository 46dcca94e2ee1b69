// A job worker in a process of its own (`node --import tsx tests/worker-process.ts`), for the tests
// that kill one mid-job with SIGKILL (lib/jobs/recovery.int.test.ts). Settings come from the
// environment as for `npm run worker` (DATABASE_URL, SMTP_URL, EMAIL_LEASE_SECONDS, JOB_LEASE_SECONDS);
// no cron schedules, and it polls often so that the tests do not wait for it.
import { startQueue } from "@/lib/jobs/queue";
import { startWorkers } from "@/lib/jobs/worker";
import { createDb } from "@/lib/server/db";

const url = process.env.DATABASE_URL!;
const boss = await startQueue(url, { work: true });
await startWorkers(boss, createDb(url), { schedules: false, pollingIntervalSeconds: 0.5 });
console.log("worker ready");
