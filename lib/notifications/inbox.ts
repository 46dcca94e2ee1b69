import { audit } from "@/lib/server/audit";
import { clock } from "@/lib/server/clock";
import type { Db } from "@/lib/server/db";
import type { Ctx } from "@/lib/server/session";
import type { MarkReadInput } from "@/lib/triage/schemas";

// The notification centre: a user's own in-app notifications (the bell, /notifications, the API).

export type NotificationRow = {
  id: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
};

const SELECT = { id: true, title: true, body: true, link: true, readAt: true, createdAt: true } as const;

/** One indexed count (userId, readAt): cheap enough for every page header. */
export async function unreadCount(prisma: Db, userId: string): Promise<number> {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

/** The caller's own notifications, newest first; `unread` keeps only those not yet read. */
export async function listNotifications(
  prisma: Db,
  ctx: Ctx,
  filter: { unread: boolean },
  page: { skip: number; take: number },
): Promise<{ items: NotificationRow[]; total: number; unread: number }> {
  const where = { userId: ctx.actor.id, ...(filter.unread ? { readAt: null } : {}) };
  const [rows, total, unread] = await Promise.all([
    prisma.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: page.skip,
      take: page.take,
      select: SELECT,
    }),
    prisma.notification.count({ where }),
    filter.unread ? Promise.resolve(-1) : unreadCount(prisma, ctx.actor.id),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      readAt: r.readAt ? r.readAt.toISOString() : null,
      createdAt: r.createdAt.toISOString(),
    })),
    total,
    unread: unread < 0 ? total : unread,
  };
}

/** Marks the given ids (or all) read; only ever the caller's own rows, whatever ids are sent. */
export async function markRead(
  prisma: Db,
  ctx: Ctx,
  input: MarkReadInput,
): Promise<{ updated: number; unread: number }> {
  const updated = await prisma.$transaction(async (tx) => {
    const r = await tx.notification.updateMany({
      where: { userId: ctx.actor.id, readAt: null, ...(input.all ? {} : { id: { in: input.ids ?? [] } }) },
      data: { readAt: clock.now() },
    });
    if (r.count > 0)
      await audit(tx, ctx, {
        action: "UPDATE",
        entity: "Notification",
        details: { markedRead: r.count, all: input.all === true },
      });
    return r.count;
  });
  return { updated, unread: await unreadCount(prisma, ctx.actor.id) };
}
