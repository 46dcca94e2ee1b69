import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { resetDatabase } from "@/tests/reset";
import { deliverEmail, queueEmail, sendEmail, type MailConfig } from "./mail";

const invitation = { name: "Dr. Rose <Lee>", role: "DOCTOR" as const, url: "http://localhost:3000/set-password/abc", expiresInHours: 72 };

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
          received.push({ from: String(session.envelope.mailFrom && session.envelope.mailFrom.address), to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
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
    const id = await sendEmail(db(), { to: "rose@example.org", locale: "en", template: "invitation", data: invitation }, smtp);
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
    const id = await sendEmail(db(), { to: "rose@example.org", locale: "en", template: "passwordReset", data: { name: "Rose", url: "http://x/set-password/t", expiresInMinutes: 60 } }, { ...smtp, smtpUrl: undefined });
    expect(received).toHaveLength(0);
    expect(await db().outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "OUTBOX", sentAt: null, subject: "Reset your Test Hospital password" });
  });

  it("keeps a failed delivery in the outbox with its error for the queue's retries, FAILED on the last attempt, and never sends one email twice", async () => {
    const down = { ...smtp, smtpUrl: "smtp://127.0.0.1:1" };
    const id = await sendEmail(db(), { to: "rose@example.org", locale: "en", template: "invitation", data: invitation }, down);
    const row = await db().outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("OUTBOX");
    expect(row.error).toMatch(/ECONNREFUSED|connect/i);
    expect(await deliverEmail(db(), id, down, { final: true })).toBe("failed");
    expect(await db().outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", sentAt: null });

    const queued = await queueEmail(db(), { to: "once@example.org", locale: "en", template: "invitation", data: invitation }, smtp);
    await Promise.all([deliverEmail(db(), queued, smtp), deliverEmail(db(), queued, smtp)]);
    expect(received.filter((r) => r.to.includes("once@example.org"))).toHaveLength(1);
  });
});
