"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { listNotifications, markRead } from "@/lib/notifications/inbox";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";
import { requestLocale } from "@/lib/server/locale";
import { formatInstant } from "@/lib/server/format";
import { ZMarkRead } from "@/lib/triage/schemas";

/** Marks the caller's own notifications read (some ids, or all). */
export const markReadAction = defineAction(
  { permission: "notification.read", schema: ZMarkRead },
  async (ctx, input) => {
    const r = await markRead(db(), ctx, input);
    revalidatePath("/notifications");
    return r;
  },
);

/** The bell's dropdown: the latest few, read only when it is opened. */
export const latestNotificationsAction = defineAction(
  { permission: "notification.read", schema: z.object({}) },
  async (ctx) => {
    const r = await listNotifications(db(), ctx, { unread: false }, { skip: 0, take: 8 });
    const locale = await requestLocale();
    return { unread: r.unread, items: r.items.map((n) => ({ ...n, when: formatInstant(n.createdAt, locale) })) };
  },
);
