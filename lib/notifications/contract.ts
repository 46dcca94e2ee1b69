import { z } from "zod";
import { PAGING, defineOperation, listOf, queryOf, zIso } from "@/lib/server/contract";
import { ZMarkRead } from "@/lib/triage/schemas";

// The success bodies of its GETs (JSON as sent: dates are ISO strings).
const getNotificationsResponse = listOf(
  z.object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    readAt: zIso.nullable(),
    createdAt: zIso,
  }),
  {
    unread: z.number().int(),
  },
);

// The notifications operations of /api/v1 (issue 18: one contract per operation; lib/server/contract.ts).
export const ops = {
  getNotifications: defineOperation({
    response: getNotificationsResponse,
    method: "GET",
    path: "/notifications",
    tag: "notifications",
    summary: "The caller's own notifications, newest first: `?unread=true&page=&pageSize=` → list plus `unread` count.",
    permission: "notification.read",
    query: queryOf([...PAGING, "unread"]),
    list: true,
  }),
  patchNotifications: defineOperation({
    response: z.object({ updated: z.number().int(), unread: z.number().int() }),
    method: "PATCH",
    path: "/notifications",
    tag: "notifications",
    summary: "`{ ids: [...] }` or `{ all: true }` → `{ updated, unread }`; other users' ids are ignored.",
    permission: "notification.read",
    body: ZMarkRead,
  }),
};
