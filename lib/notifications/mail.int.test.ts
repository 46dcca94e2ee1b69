import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { resetDatabase } from "@/tests/reset";
import { startCaptureSmtp } from "@/tests/smtp";
import { deliverDueEmails, deliverEmail, EMAIL_MAX_ATTEMPTS, queueEmail, sendEmail, type MailConfig } from "./mail";

const invitation = {
  name: "Dr. Rose <Lee>",
  role: "DOCTOR" as const,
  url: "http://localhost:3000/set-password/abc",
  expiresInHours: 72,
};

describe("sendEmail", () => {
  const received: { from: string; to: string[]; raw: string }[] = [];
  let server: SMTPServer;
  let smtp: MailConfig;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push({
            from: String(session.envelope.mailFrom ? session.envelope.mailFrom.address : session.envelope.mailFrom),
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.server.address() as AddressInfo;
    smtp = { smtpUrl: `smtp://127.0.0.1:${port}`, from: "desk@hospital.test", hospitalName: "Test Hospital" };
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(async () => {
    await resetDatabase();
    received.length = 0;
  });

  it("delivers through SMTP and records the email as SENT", async () => {
    const id = await sendEmail(
      db(),
      { to: "rose@example.org", locale: "en", template: "invitation", data: invitation },
      smtp,
    );
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: "desk@hospital.test", to: ["rose@example.org"] });
    expect(received[0].raw).toContain("Subject: Your Test Hospital account");
    expect(received[0].raw).toContain("From: Test Hospital <desk@hospital.test>");
    const row = await db().outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", error: null, to: "rose@example.org" });
    expect(row.sentAt).toBeInstanceOf(Date);
    // Values are escaped in the HTML and kept as they are in the text.
    expect(row.html).toContain("Dr. Rose &lt;Lee&gt;");
    expect(row.html).toContain("Test Hospital");
    expect(row.text).toContain("Set my password: http://localhost:3000/set-password/abc");
  });

  it("without SMTP keeps the email in the outbox, unsent", async () => {
    const id = await sendEmail(
      db(),
      {
        to: "rose@example.org",
        locale: "en",
        template: "passwordReset",
        data: { name: "Rose", url: "http://x/set-password/t", expiresInMinutes: 60 },
      },
      { ...smtp, smtpUrl: undefined },
    );
    expect(received).toHaveLength(0);
    expect(await db().outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "OUTBOX",
      sentAt: null,
      subject: "Reset your Test Hospital password",
    });
  });

  it("keeps a failed delivery in the outbox with its error for the queue's retries, FAILED on the last attempt, and never sends one email twice", async () => {
    const down = { ...smtp, smtpUrl: "smtp://127.0.0.1:1" };
    const id = await sendEmail(
      db(),
      { to: "rose@example.org", locale: "en", template: "invitation", data: invitation },
      down,
    );
    const row = await db().outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("OUTBOX");
    expect(row.error).toMatch(/ECONNREFUSED|connect/i);
    expect(await deliverEmail(db(), id, down, { final: true })).toBe("failed");
    expect(await db().outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "FAILED",
      sentAt: null,
    });

    const queued = await queueEmail(
      db(),
      { to: "once@example.org", locale: "en", template: "invitation", data: invitation },
      smtp,
    );
    await Promise.all([deliverEmail(db(), queued, smtp), deliverEmail(db(), queued, smtp)]);
    expect(received.filter((r) => r.to.includes("once@example.org"))).toHaveLength(1);
  });
});

describe("the outbox sweep", () => {
  let capture: Awaited<ReturnType<typeof startCaptureSmtp>>;
  let mail: MailConfig;
  beforeAll(async () => {
    capture = await startCaptureSmtp();
    mail = { smtpUrl: capture.url, from: "desk@hospital.test", hospitalName: "Test Hospital", concurrency: 4 };
  });
  afterAll(() => capture.close());
  beforeEach(async () => {
    await resetDatabase();
    capture.mails.length = 0;
  });
  const queue = (to: string) => queueEmail(db(), { to, locale: "en", template: "invitation", data: invitation }, mail);
  const messageIdOf = (raw: string) => /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1];

  it("sends every due email once, each with the Message-ID stored on its row, and leaves alone those claimed or waiting out a backoff", async () => {
    const due = await Promise.all(Array.from({ length: 11 }, (_, i) => queue(`due${i}@example.org`)));
    const claimed = await queue("claimed@example.org");
    const waiting = await queue("waiting@example.org");
    await db().outboxEmail.update({
      where: { id: claimed },
      data: { claimedUntil: new Date(Date.now() + 3600_000), attempts: 1 },
    });
    await db().outboxEmail.update({
      where: { id: waiting },
      data: { nextAttemptAt: new Date(Date.now() + 3600_000), attempts: 1 },
    });

    const [a, b] = await Promise.all([deliverDueEmails(db(), mail), deliverDueEmails(db(), mail)]);
    expect(a.sent + b.sent).toBe(11);
    expect(capture.mails.map((m) => m.to[0]).sort()).toEqual(due.map((_, i) => `due${i}@example.org`).sort());
    for (const row of await db().outboxEmail.findMany({ where: { id: { in: due } } })) {
      expect(row).toMatchObject({ status: "SENT", attempts: 1, claimedUntil: null });
      expect(row.messageId).toMatch(/^<[0-9a-f-]{36}@hospital\.test>$/);
      expect(messageIdOf(capture.mails.find((m) => m.to[0] === row.to)!.raw)).toBe(row.messageId);
    }
    expect(
      await db().outboxEmail.findMany({ where: { id: { in: [claimed, waiting] } }, select: { status: true } }),
    ).toEqual([{ status: "OUTBOX" }, { status: "OUTBOX" }]);

    // A claim whose sender died expires: the next sweep sends that email too.
    await db().outboxEmail.update({ where: { id: claimed }, data: { claimedUntil: new Date(Date.now() - 1000) } });
    expect(await deliverDueEmails(db(), mail)).toEqual({ sent: 1, failed: 0 });
    expect(await db().outboxEmail.findUniqueOrThrow({ where: { id: claimed } })).toMatchObject({
      status: "SENT",
      attempts: 2,
    });
  });

  it("retries a failing email with a growing backoff and marks it FAILED after the last attempt", async () => {
    const down = { ...mail, smtpUrl: "smtp://127.0.0.1:1" };
    const id = await queue("rose@example.org");
    const delays: number[] = [];
    for (let attempt = 1; attempt <= EMAIL_MAX_ATTEMPTS; attempt++) {
      expect(await deliverDueEmails(db(), down)).toEqual({ sent: 0, failed: 1 });
      const row = await db().outboxEmail.findUniqueOrThrow({ where: { id } });
      expect(row.attempts).toBe(attempt);
      expect(row.error).toMatch(/ECONNREFUSED|connect/i);
      if (attempt < EMAIL_MAX_ATTEMPTS) {
        expect(row.status).toBe("OUTBOX");
        delays.push(row.nextAttemptAt!.getTime() - Date.now());
        // Not due again until its backoff has passed.
        expect(await deliverDueEmails(db(), down)).toEqual({ sent: 0, failed: 0 });
        await db().outboxEmail.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
      } else expect(row).toMatchObject({ status: "FAILED", nextAttemptAt: null });
    }
    expect(delays[0]).toBeGreaterThan(20_000);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]);
    expect(await deliverDueEmails(db(), mail)).toEqual({ sent: 0, failed: 0 });
  });
});
