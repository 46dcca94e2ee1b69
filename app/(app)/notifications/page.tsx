import Link from "next/link";
import { MarkReadButton } from "@/components/notifications/MarkReadButton";
import { NotificationList } from "@/components/notifications/NotificationList";
import { Alert } from "@/components/ui/Alert";
import { PageHeader } from "@/components/ui/Card";
import { Pagination } from "@/components/ui/Pagination";
import { messages, titled } from "@/lib/server/locale";
import { listNotifications } from "@/lib/notifications/inbox";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { pageListQuery, stringParams } from "@/lib/server/page-query";

export const generateMetadata = titled((m) => m.titles.notifications);

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await guardPage("notification.read", "/notifications");
  const m = (await messages()).triage.notifications;
  const params = stringParams(await searchParams);
  const query = pageListQuery(params, ["createdAt"], "-createdAt");
  const unreadOnly = params.unread === "true";
  const { items, total, unread } = await listNotifications(db(), ctx, { unread: unreadOnly }, query);
  const tab = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-brand-600 text-white" : "bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"}`;
  return (
    <>
      <PageHeader title={m.title}>{unread > 0 ? <MarkReadButton all label={m.markAllRead} /> : null}</PageHeader>
      <p className="-mt-4 mb-4 text-sm text-slate-600">{m.intro}</p>
      <nav aria-label={m.title} className="mb-4 flex gap-2">
        <Link href="/notifications" className={tab(!unreadOnly)} aria-current={!unreadOnly ? "page" : undefined}>
          {m.all}
        </Link>
        <Link
          href="/notifications?unread=true"
          className={tab(unreadOnly)}
          aria-current={unreadOnly ? "page" : undefined}
        >
          {m.unreadOnly} ({unread})
        </Link>
      </nav>
      {items.length === 0 ? (
        <Alert>{unreadOnly ? m.noneUnread : m.none}</Alert>
      ) : (
        <NotificationList rows={items} labels={{ markRead: m.markRead, open: m.open, read: m.read }} />
      )}
      <Pagination
        page={query.page}
        pageSize={query.pageSize}
        total={total}
        params={unreadOnly ? { unread: "true" } : {}}
      />
    </>
  );
}
