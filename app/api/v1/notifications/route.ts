import { apiRoute, listResponse, parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/validation";
import { listNotifications, markRead } from "@/lib/notifications/inbox";
import { ZNotificationsQuery } from "@/lib/triage/schemas";
import { ops } from "@/lib/notifications/contract";

/** The caller's own notifications, newest first: `?unread=true&page=&pageSize=` → list plus `unread` count. */
export const GET = apiRoute(ops.getNotifications, async ({ req, ctx }) => {
  const params = req.nextUrl.searchParams;
  const query = parseListQuery(params, ["createdAt"], "-createdAt");
  const { unread } = parseInput(ZNotificationsQuery, { unread: params.get("unread") ?? undefined });
  const r = await listNotifications(db(), ctx, { unread }, query);
  return { ...listResponse(r.items, r.total, query), unread: r.unread };
});

/** `{ ids: [...] }` or `{ all: true }` → `{ updated, unread }`; other users' ids are ignored. */
export const PATCH = apiRoute(ops.patchNotifications, async ({ ctx, body }) => markRead(db(), ctx, body));
