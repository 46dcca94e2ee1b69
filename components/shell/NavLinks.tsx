"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  // The most specific entry wins: on /pharmacy/drugs only "Drug catalogue" is current, not "Pharmacy".
  const current = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .reduce<string | null>((best, i) => (!best || i.href.length > best.length ? i.href : best), null);
  return (
    <ul className="flex gap-1 overflow-x-auto md:flex-col">
      {items.map((i) => {
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
}
