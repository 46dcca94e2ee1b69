import { deliverEmail, mailConfig, type MailConfig } from "@/lib/notifications/mail";
import type { Db } from "@/lib/server/db";

// Delivery through the queue: the outbox row is the truth, the job only carries its id.

/**
 * The `email.send` job: one delivery attempt (deliverEmail); a failure is thrown for the queue to
 * retry after its backoff, and on the last attempt (`final`) the row is marked FAILED.
 */
export async function sendOutboxEmail(prisma: Db, id: string, opts: { final: boolean }, config: MailConfig = mailConfig()): Promise<"sent" | "skipped"> {
  const outcome = await deliverEmail(prisma, id, config, opts);
  if (outcome === "failed") throw new Error(`email ${id} not sent`);
  return outcome;
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
