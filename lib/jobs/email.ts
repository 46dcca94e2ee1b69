import nodemailer from "nodemailer";
import { mailConfig, type MailConfig } from "@/lib/notifications/mail";
import type { Db } from "@/lib/server/db";
import { log } from "@/lib/server/log";

// Delivery through the queue: the outbox row is the truth, the job only carries its id.

const fromHeader = (config: MailConfig) => (config.from.includes("<") ? config.from : { name: config.hospitalName, address: config.from });

/**
 * One delivery attempt of an outbox email. On success the row is SENT; on failure it goes back to
 * OUTBOX with the error (so the queue's retry, after its backoff, can claim it again) and the error
 * is thrown for the queue to count — on the last attempt (`final`) the row is marked FAILED instead.
 * Without SMTP nothing happens: the email stays in the outbox.
 */
export async function sendOutboxEmail(prisma: Db, id: string, opts: { final: boolean }, config: MailConfig = mailConfig()): Promise<"sent" | "skipped"> {
  if (!config.smtpUrl) return "skipped";
  // The claim: only one worker sends a given email; while sending it reads FAILED "Sending…".
  const claimed = await prisma.outboxEmail.updateManyAndReturn({
    where: { id, status: "OUTBOX" },
    data: { status: "FAILED", error: "Sending…" },
    select: { to: true, subject: true, html: true, text: true },
  });
  if (claimed.length === 0) return "skipped";
  const email = claimed[0];
  try {
    await nodemailer.createTransport(config.smtpUrl).sendMail({ from: fromHeader(config), to: email.to, subject: email.subject, html: email.html, text: email.text });
  } catch (err) {
    const error = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
    log("warn", "email not sent", { emailId: id, error, final: opts.final });
    await prisma.outboxEmail.update({ where: { id }, data: { status: opts.final ? "FAILED" : "OUTBOX", error } });
    throw new Error(`email ${id} not sent: ${error}`);
  }
  await prisma.outboxEmail.update({ where: { id }, data: { status: "SENT", error: null, sentAt: new Date() } });
  return "sent";
}

/** The emails still waiting in the outbox for a while (their immediate delivery never happened). */
export async function waitingEmails(prisma: Db, olderThanSeconds = 30, config: MailConfig = mailConfig()): Promise<string[]> {
  if (!config.smtpUrl) return [];
  const rows = await prisma.outboxEmail.findMany({
    where: { status: "OUTBOX", createdAt: { lt: new Date(Date.now() - olderThanSeconds * 1000) } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  return rows.map((r) => r.id);
}
