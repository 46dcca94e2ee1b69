import Link from "next/link";
import type { NotificationRow } from "@/lib/notifications/inbox";
import { requestLocale } from "@/lib/server/locale";
import { formatInstant } from "@/lib/server/format";
import { MarkReadButton } from "./MarkReadButton";

type Labels = { markRead: string; open: string; read: string };

/** The notification centre's rows: unread ones stand out and can be marked read one by one. */
export async function NotificationList({ rows, labels }: { rows: NotificationRow[]; labels: Labels }) {
  const locale = await requestLocale();
  return (
    <ul
      className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm"
      data-testid="notification-list"
    >
      {rows.map((n) => (
        <li
          key={n.id}
          className={`flex flex-wrap items-start gap-4 px-5 py-4 ${n.readAt ? "" : "bg-brand-50/50"}`}
          data-unread={n.readAt ? undefined : "true"}
        >
          <span
            className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-brand-600"}`}
            aria-hidden
          />
          <div className="min-w-0 flex-1">
            <p className={`text-sm ${n.readAt ? "text-slate-700" : "font-semibold text-slate-900"}`}>{n.title}</p>
            <p className="mt-0.5 text-sm text-slate-600">{n.body}</p>
            <p className="mt-1 text-xs text-slate-500">
              {formatInstant(n.createdAt, locale)}
              {n.readAt ? ` · ${labels.read}` : ""}
            </p>
          </div>
          <div className="flex items-center gap-2">
            {n.link ? (
              <Link href={n.link} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
                {labels.open}
              </Link>
            ) : null}
            {n.readAt ? null : <MarkReadButton id={n.id} label={labels.markRead} />}
          </div>
        </li>
      ))}
    </ul>
  );
}
