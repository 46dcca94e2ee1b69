import { deliverDueEmails, deliverEmail, mailConfig, type MailConfig } from "@/lib/notifications/mail";
import type { Db } from "@/lib/server/db";

// Delivery through the queue: the outbox row is the truth, the job only carries its id.

/**
 * The `email.send` job: one delivery attempt (deliverEmail); a failure is thrown for the queue to
 * retry after its backoff, and on the last attempt (`final`) the row is marked FAILED.
 */
export async function sendOutboxEmail(
  prisma: Db,
  id: string,
  opts: { final: boolean },
  config: MailConfig = mailConfig(),
): Promise<"sent" | "skipped"> {
  const outcome = await deliverEmail(prisma, id, config, opts);
  if (outcome === "failed") throw new Error(`email ${id} not sent`);
  return outcome;
}

/**
 * The `email.sweep` job: sends what is due in the outbox (deliverDueEmails), for at most 50 s so
 * that one sweep ends before the next minute's starts; a longer backlog carries on then.
 */
export function sweepOutbox(prisma: Db, config: MailConfig = mailConfig()): Promise<{ sent: number; failed: number }> {
  return deliverDueEmails(prisma, config, { budgetMs: 50_000 });
}
