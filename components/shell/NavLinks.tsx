"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavSection } from "./nav";

export function NavLinks({ sections }: { sections: NavSection[] }) {
  const pathname = usePathname();
  const items = sections.flatMap((s) => s.items);
  // The most specific entry wins: on /pharmacy/drugs only "Drug catalogue" is current, not "Pharmacy".
  const current = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .reduce<string | null>((best, i) => (!best || i.href.length > best.length ? i.href : best), null);
  const list = (links: NavSection["items"], labelledBy?: string) => (
    <ul className="flex flex-col gap-0.5" aria-labelledby={labelledBy}>
      {links.map((i) => {
        const active = i.href === current;
        return (
          <li key={i.href}>
            <Link
              href={i.href}
              aria-current={active ? "page" : undefined}
              className={`block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {i.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
  return (
    <div className="space-y-4">
      {sections.map((s) =>
        s.group && s.label ? (
          <div key={s.group}>
            <p id={`nav-${s.group}`} className="mb-1 px-3 text-xs font-semibold uppercase tracking-wide text-slate-600">
              {s.label}
            </p>
            {list(s.items, `nav-${s.group}`)}
          </div>
        ) : (
          <div key="main">{list(s.items)}</div>
        ),
      )}
    </div>
  );
}
