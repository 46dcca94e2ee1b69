"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { latestNotificationsAction, markReadAction } from "@/lib/notifications/actions";
import type { Messages } from "@/lib/i18n/en";
import type { NotificationRow } from "@/lib/notifications/inbox";
import { useDismiss } from "./useDismiss";

type Item = NotificationRow & { when: string };

export function BellMenu({ count, labels }: { count: number; labels: Messages["triage"]["bell"] }) {
  const router = useRouter();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Item[] | null>(null);
  const [pending, startTransition] = useTransition();
  const ref = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the menu closes whenever the page changes
  useEffect(() => setOpen(false), [pathname]);
  useDismiss(open, setOpen, ref);

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next)
      startTransition(async () => {
        const r = await latestNotificationsAction({});
        setItems(r.ok ? r.data.items : []);
      });
  };
  const markAll = () =>
    startTransition(async () => {
      const r = await markReadAction({ all: true });
      if (r.ok) {
        setItems((xs) => xs?.map((n) => ({ ...n, readAt: n.readAt ?? new Date().toISOString() })) ?? null);
        router.refresh();
      }
    });

  const label = count > 0 ? `${labels.label}: ${count} ${labels.unread}` : labels.label;
  return (
    <div className="relative" ref={ref}>
      <button
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={label}
        title={label}
        onClick={toggle}
        className="relative flex h-9 w-9 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100 hover:text-slate-900"
        data-testid="notification-bell"
      >
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} className="h-5 w-5" aria-hidden>
          <path
            strokeLinecap="round"
            strokeLinejoin="round"
            d="M14.857 17.082a23.848 23.848 0 0 0 5.454-1.31A8.967 8.967 0 0 1 18 9.75V9A6 6 0 0 0 6 9v.75a8.967 8.967 0 0 1-2.312 6.022c1.733.64 3.56 1.085 5.455 1.31m5.714 0a24.255 24.255 0 0 1-5.714 0m5.714 0a3 3 0 1 1-5.714 0"
          />
        </svg>
        {count > 0 ? (
          <span
            className="absolute -right-0.5 -top-0.5 min-w-[1.15rem] rounded-full bg-red-600 px-1 text-center text-[0.7rem] font-semibold leading-[1.15rem] text-white"
            data-testid="notification-count"
          >
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          className="absolute right-0 z-20 mt-2 w-80 overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg"
          data-testid="notification-panel"
        >
          <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2">
            <span className="text-sm font-semibold text-slate-900">{labels.label}</span>
            {count > 0 ? (
              <button
                type="button"
                onClick={markAll}
                disabled={pending}
                className="text-xs font-medium text-brand-700 hover:underline disabled:text-slate-400"
              >
                {labels.markAllRead}
              </button>
            ) : null}
          </div>
          {items === null ? (
            <p className="px-4 py-6 text-center text-sm text-slate-500">…</p>
          ) : items.length === 0 ? (
            <p className="px-4 py-6 text-center text-sm text-slate-500">{labels.empty}</p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {items.map((n) => {
                const body = (
                  <>
                    <span className={`block text-sm ${n.readAt ? "text-slate-700" : "font-semibold text-slate-900"}`}>
                      {n.title}
                    </span>
                    <span className="block truncate text-xs text-slate-600">{n.body}</span>
                    <span className="block text-xs text-slate-400">{n.when}</span>
                  </>
                );
                const cls = `block px-4 py-2.5 ${n.readAt ? "" : "bg-brand-50/60"}`;
                return (
                  <li key={n.id}>
                    {n.link ? (
                      <Link href={n.link} className={`${cls} hover:bg-slate-50`}>
                        {body}
                      </Link>
                    ) : (
                      <div className={cls}>{body}</div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <Link
            href="/notifications"
            className="block border-t border-slate-200 px-4 py-2 text-center text-sm font-medium text-brand-700 hover:bg-slate-50"
          >
            {labels.viewAll}
          </Link>
        </div>
      ) : null}
    </div>
  );
}
