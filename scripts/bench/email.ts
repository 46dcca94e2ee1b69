// The email part of `npm run bench` (issue 15): how many emails one job worker delivers per second.
// A fresh database, an in-process SMTP server (tests/smtp.ts, as the e2e run uses), `emails` emails
// queued in the outbox, then one worker process exactly as `npm start` runs it (scripts/worker.ts,
// EMAIL_CONCURRENCY from the environment or its default) asked to sweep the outbox once (what its
// cron does every minute). Timed from that request until every email is SENT, so the worker's
// polling delay counts against it; the target is ≥ 20 emails/s.
import type { ChildProcess } from "node:child_process";
import { startQueue } from "../../lib/jobs/queue";
import { mailConfig, queueEmail } from "../../lib/notifications/mail";
import { createDb } from "../../lib/server/db";
import { startScript, stopScript } from "../../tests/child-process";
import { startCaptureSmtp } from "../../tests/smtp";
import { createTestDatabase } from "../../tests/test-db";
import { round } from "./common";

export type EmailOptions = { emails: number; keep: boolean; log: (s: string) => void };
export type EmailResult = {
  emails: number;
  concurrency: number;
  /** From the sweep's request until the last email was SENT. */
  seconds: number;
  perSecond: number;
  /** From the first delivery to the last: the rate once the worker has picked the job up. */
  sendingPerSecond: number;
  received: number;
  /** Messages received more than once (by Message-ID). */
  duplicates: number;
};

const FROM = "bench@bench.hospital";

export async function benchEmail(opts: EmailOptions): Promise<EmailResult> {
  opts.log("\n== email delivery, one worker ==");
  const database = await createTestDatabase("hospital_bench_email");
  const prisma = createDb(database.url);
  const smtp = await startCaptureSmtp();
  let worker: ChildProcess | undefined;
  try {
    const config = { ...mailConfig(), smtpUrl: smtp.url, from: FROM };
    opts.log(`  queueing ${opts.emails} emails in the outbox…`);
    for (let i = 0; i < opts.emails; i++) {
      await queueEmail(
        prisma,
        {
          to: `patient${i}@bench.hospital`,
          locale: "en",
          template: "reminder",
          data: {
            patientName: `Patient ${i}`,
            doctorName: "Dr. Bench",
            startsAt: new Date(Date.now() + 86_400_000),
            url: "http://127.0.0.1/appointments",
          },
        },
        config,
      );
    }
    worker = await startScript(
      "scripts/worker.ts",
      { DATABASE_URL: database.url, SMTP_URL: smtp.url, MAIL_FROM: FROM, NODE_ENV: "production" },
      "Worker started",
      60_000,
    );
    const boss = await startQueue(database.url, { work: false });
    const started = Date.now();
    try {
      await boss.send("email.sweep", {});
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    const deadline = started + Math.max(120_000, opts.emails * 100);
    for (;;) {
      const sent = await prisma.outboxEmail.count({ where: { status: "SENT" } });
      if (sent === opts.emails) break;
      if (Date.now() > deadline)
        throw new Error(
          `only ${sent} of ${opts.emails} emails sent after ${Math.round((Date.now() - started) / 1000)} s`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
    const { _min, _max } = await prisma.outboxEmail.aggregate({ _min: { sentAt: true }, _max: { sentAt: true } });
    const seconds = (_max.sentAt!.getTime() - started) / 1000;
    const sending = (_max.sentAt!.getTime() - _min.sentAt!.getTime()) / 1000;
    const ids = smtp.mails.map((m) => /^Message-ID:\s*(<[^>]+>)/im.exec(m.raw)?.[1]);
    const result: EmailResult = {
      emails: opts.emails,
      concurrency: config.concurrency ?? 0,
      seconds: round(seconds),
      perSecond: round(opts.emails / seconds),
      sendingPerSecond: round(opts.emails / Math.max(sending, 0.001)),
      received: smtp.mails.length,
      duplicates: ids.length - new Set(ids).size,
    };
    opts.log(
      `  ${result.emails} emails in ${result.seconds} s: ${result.perSecond} emails/s (${result.sendingPerSecond}/s once picked up), concurrency ${result.concurrency}, ${result.received} received, ${result.duplicates} duplicates`,
    );
    return result;
  } finally {
    if (worker) await stopScript(worker, "SIGTERM");
    await smtp.close();
    await prisma.$disconnect();
    if (opts.keep) opts.log(`  kept: ${database.url}`);
    else await database.drop();
  }
}
