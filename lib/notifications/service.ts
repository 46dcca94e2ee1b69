import type { Db } from "@/lib/server/db";
import type { Columns } from "@/lib/server/rows";

type Writer = Pick<Db, "notification">;

/** A notification row's values: what notify() writes, and what a hand-written statement inserts (lib/server/rows.ts). */
export function notificationRow(userId: string, n: { title: string; body: string; link?: string }) {
  return { userId, title: n.title, body: n.body, link: n.link ?? null };
}
export type NotificationRow = ReturnType<typeof notificationRow>;
/** The columns of notificationRow's row, and the id a statement chooses itself (Prisma makes one for notify()). */
export const NOTIFICATION_COLUMNS: Columns<NotificationRow & { id: string }> = {
  id: "text",
  userId: "text",
  title: "text",
  body: "text",
  link: "text",
};

/** An in-app notification for one user; write it in the transaction of the change it tells about. */
export async function notify(
  db: Writer,
  userId: string,
  n: { title: string; body: string; link?: string },
): Promise<void> {
  await db.notification.create({ data: notificationRow(userId, n) });
}

/** In-app notifications for several users at once (each in their own words), in one statement. */
export async function notifyAll(
  db: Writer,
  items: readonly { userId: string; title: string; body: string; link?: string }[],
): Promise<void> {
  if (items.length) await db.notification.createMany({ data: [...items] });
}
