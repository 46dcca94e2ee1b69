import type { ChildProcess } from "node:child_process";
import type { AddressInfo } from "node:net";
import pg from "pg";
import type PgBoss from "pg-boss";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { queueEmail, type MailConfig } from "@/lib/notifications/mail";
import { db } from "@/lib/server/db";
import type { Ctx } from "@/lib/server/session";
import { seedPatient, seedUser } from "@/prisma/builders";
import { startScript, stopScript } from "@/tests/child-process";
import { resetDatabase } from "@/tests/reset";
import { startCaptureSmtp } from "@/tests/smtp";
import { JOB_NAMES } from "./definitions";
import { requestExport } from "./exports";
import { enqueue, startQueue } from "./queue";
import { startWorkers } from "./worker";

// Issue 15 §4: a worker killed mid-job (SIGKILL) must lose nothing. Before the fix, an email whose
// sender died stayed FAILED "Sending…" and was never sent, and an export stayed RUNNING until
// pg-boss's 15-minute expiry. Here a real worker process is killed at the worst moment (the SMTP
// server has the message but never answers; the export is blocked mid-walk by a table lock), and a
// second worker must finish the work: the same email once more with the same Message-ID, the
// export within a minute, with one row and one complete file.

const url = () => process.env.DATABASE_URL!;
const messageIdOf = (raw: string) => /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1];

const startWorkerProcess = (env: Record<string, string>) =>
  startScript("tests/worker-process.ts", { DATABASE_URL: url(), ...env }, "worker ready");
const kill = (child: ChildProcess) => stopScript(child, "SIGKILL");

/** Polls `read` until `done` holds, or fails after `timeoutMs`. */
async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** An SMTP server that takes a whole message and never answers it: the sender waits, mid-send. */
async function hangingSmtp() {
  let received!: (raw: string) => void;
  const message = new Promise<string>((resolve) => (received = resolve));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => received(Buffer.concat(chunks).toString("utf8")));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    message,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let smtp: Awaited<ReturnType<typeof startCaptureSmtp>>;
let child: ChildProcess | undefined;
let boss: PgBoss | undefined;
beforeAll(async () => {
  smtp = await startCaptureSmtp();
});
afterAll(() => smtp.close());
beforeEach(async () => {
  await resetDatabase();
  smtp.mails.length = 0;
});
afterEach(async () => {
  if (child) await kill(child);
  await boss?.stop({ graceful: false, wait: true });
  child = boss = undefined;
  // The queue outlives the database reset: no job of these tests may reach another file's worker.
  const cleanup = await startQueue(url(), { work: false });
  await cleanup.getDb().executeSql("DELETE FROM pgboss.job WHERE name = ANY($1)", [JOB_NAMES]);
  await cleanup.stop({ graceful: false, wait: true });
});

describe("a worker killed mid-job", () => {
  it("loses no email: the claim expires and the sweep sends it again with the same Message-ID", {
    timeout: 180_000,
  }, async () => {
    const hanging = await hangingSmtp();
    try {
      const mail: MailConfig = {
        smtpUrl: smtp.url,
        from: "desk@hospital.test",
        hospitalName: "Test Hospital",
        leaseSeconds: 8,
      };
      const id = await queueEmail(
        db(),
        {
          to: "rose@example.org",
          locale: "en",
          template: "passwordReset",
          data: { name: "Rose", url: "http://x/set-password/t", expiresInMinutes: 60 },
        },
        mail,
      );
      child = await startWorkerProcess({
        SMTP_URL: hanging.url,
        MAIL_FROM: "desk@hospital.test",
        EMAIL_LEASE_SECONDS: "8",
        JOB_LEASE_SECONDS: "2",
      });
      const producer = await startQueue(url(), { work: false });
      try {
        await producer.send("email.send", { emailId: id }, { retryDelay: 1 });
      } finally {
        await producer.stop({ graceful: false, wait: true });
      }
      // The server has the whole message; the sender waits for its answer. Now the worker dies.
      const first = await hanging.message;
      await kill(child);
      const firstId = messageIdOf(first);
      expect(firstId).toBeDefined();
      expect(await db().outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({
        status: "OUTBOX",
        sentAt: null,
      });

      // Another worker; its outbox sweep (every minute in production) runs until the email is sent.
      boss = await startQueue(url(), { work: true });
      await startWorkers(boss, db(), { schedules: false, pollingIntervalSeconds: 0.5, mail, leaseSeconds: 2 });
      const b = boss;
      const row = await until(
        async () => {
          await b.send("email.sweep", {});
          return db().outboxEmail.findUniqueOrThrow({ where: { id } });
        },
        (r) => r.status === "SENT",
        90_000,
        "the email was never sent",
      );
      const again = await until(
        async () => smtp.mails.filter((m) => m.to.includes("rose@example.org")),
        (m) => m.length > 0,
        10_000,
        "no mail",
      );
      expect(again).toHaveLength(1);
      expect(messageIdOf(again[0].raw)).toBe(firstId);
      expect(row).toMatchObject({ status: "SENT", messageId: firstId, error: null });
      expect(row.attempts).toBe(2);
    } finally {
      await hanging.close();
    }
  });

  it("does not leave an export RUNNING: it is retried within a minute and finishes once, cleanly", {
    timeout: 180_000,
  }, async () => {
    const nurse = await seedUser(db(), {
      email: "n@h.org",
      name: "Nurse Joy",
      role: "NURSE",
      password: "Test-pass-2026",
    });
    const patient = await seedPatient(db(), {
      firstName: "Amara",
      lastName: "Bello",
      dateOfBirth: "1990-01-01",
      sex: "female",
    });
    const doctor = await seedUser(db(), {
      email: "d@h.org",
      name: "Dr Heart",
      role: "DOCTOR",
      password: "Test-pass-2026",
    });
    for (let i = 0; i < 5; i++) {
      const startsAt = new Date(Date.UTC(2026, 5, 1 + i, 9));
      await db().appointment.create({
        data: {
          patientId: patient.id,
          doctorId: doctor.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 1800_000),
          status: "CANCELLED",
        },
      });
    }
    const ctx: Ctx = { actor: { id: nurse.id, role: "NURSE", name: nurse.name, email: nurse.email }, ip: null };
    const { id } = await requestExport(db(), ctx, { kind: "treatment-history", patientId: patient.id });

    // The walk reads allergies; a lock held here stops the first worker inside its walk, RUNNING.
    const locker = new pg.Client({ connectionString: url() });
    await locker.connect();
    let killedAt: number;
    try {
      await locker.query("BEGIN");
      await locker.query(`LOCK TABLE "Allergy" IN ACCESS EXCLUSIVE MODE`);
      child = await startWorkerProcess({ JOB_LEASE_SECONDS: "2" });
      const producer = await startQueue(url(), { work: false });
      try {
        await enqueue(producer, "export.run", { exportId: id }, { key: id });
      } finally {
        await producer.stop({ graceful: false, wait: true });
      }
      await until(
        () => db().export.findUniqueOrThrow({ where: { id } }),
        (e) => e.status === "RUNNING",
        60_000,
        "the export never started",
      );
      await kill(child);
      killedAt = Date.now();
    } finally {
      await locker.query("ROLLBACK").catch(() => undefined);
      await locker.end();
    }
    expect((await db().export.findUniqueOrThrow({ where: { id } })).status).toBe("RUNNING");

    boss = await startQueue(url(), { work: true });
    await startWorkers(boss, db(), { schedules: false, pollingIntervalSeconds: 0.5, leaseSeconds: 2 });
    const done = await until(
      () => db().export.findUniqueOrThrow({ where: { id } }),
      (e) => e.status === "DONE",
      90_000,
      "the export was not retried",
    );
    // The child's lease lapses after 2 s; the queue's own retry delay for exports (10 s + jitter) follows.
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    expect(done).toMatchObject({ progress: 1, error: null, attempts: 2 });
    const lines = Buffer.from(done.content!).toString("utf8").trim().split("\n");
    expect(lines).toHaveLength(1 + 1 + 5); // header, registration, five appointments: each once
    expect(new Set(lines).size).toBe(lines.length);
    expect(await db().export.count()).toBe(1);
    expect(await db().jobLease.count()).toBe(0);
  });
});
