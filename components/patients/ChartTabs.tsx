"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The chart's tab bar: one link per tab (each its own URL), the current one marked for screen readers too. */
export function ChartTabs({
  base,
  tabs,
  label,
}: {
  base: string;
  tabs: { href: string; label: string }[];
  label: string;
}) {
  const path = usePathname();
  return (
    <nav aria-label={label} className="-mx-1 mb-6 overflow-x-auto border-b border-slate-200 print:hidden">
      <ul className="flex min-w-max gap-1 px-1">
        {tabs.map((t) => {
          const current = t.href === base ? path === base : path.startsWith(t.href);
          return (
            <li key={t.href}>
              <Link
                href={t.href}
                aria-current={current ? "page" : undefined}
                className={`-mb-px inline-block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
                  current
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                }`}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
