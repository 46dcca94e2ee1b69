import type { EmailStatus } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db";

export type OutboxRow = {
  id: string;
  to: string;
  subject: string;
  status: EmailStatus;
  createdAt: string;
  sentAt: string | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Emails sent or waiting, newest first, for admins. */
export async function listOutbox(
  prisma: Db,
  page: { skip: number; take: number },
): Promise<{ items: OutboxRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    prisma.outboxEmail.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: page.skip,
      take: page.take,
      select: { id: true, to: true, subject: true, status: true, createdAt: true, sentAt: true },
    }),
    prisma.outboxEmail.count(),
  ]);
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), sentAt: iso(r.sentAt) })), total };
}

/** One email's plain-text body (the HTML twin says the same), its status and error. */
export async function getOutboxEmail(prisma: Db, id: string) {
  const r = await prisma.outboxEmail.findUnique({
    where: { id },
    select: { id: true, to: true, subject: true, text: true, status: true, error: true, createdAt: true, sentAt: true },
  });
  return r ? { ...r, createdAt: r.createdAt.toISOString(), sentAt: iso(r.sentAt) } : null;
}

/** Emails not (yet) sent: waiting in the outbox or failed for good, for the admin dashboard. */
export async function unsentEmailCount(prisma: Db): Promise<number> {
  return prisma.outboxEmail.count({ where: { status: { in: ["OUTBOX", "FAILED"] } } });
}
