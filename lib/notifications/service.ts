import type { Db } from "@/lib/server/db";

type Writer = Pick<Db, "notification">;

/** An in-app notification for one user; write it in the transaction of the change it tells about. */
export async function notify(db: Writer, userId: string, n: { title: string; body: string; link?: string }): Promise<void> {
  await db.notification.create({ data: { userId, ...n } });
}

/** In-app notifications for several users at once (each in their own words), in one statement. */
export async function notifyAll(db: Writer, items: readonly { userId: string; title: string; body: string; link?: string }[]): Promise<void> {
  if (items.length) await db.notification.createMany({ data: [...items] });
}
