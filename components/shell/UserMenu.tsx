"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useRef, useState } from "react";
import { useDismiss } from "./useDismiss";

type Labels = { userMenu: string; account: string; signOut: string };

export function UserMenu({ name, roleLabel, labels }: { name: string; roleLabel: string; labels: Labels }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(open, setOpen, ref);
  return (
    <div className="relative" ref={ref}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-slate-100"
      >
        {/* The name is the visible text with "Account" before it (axe: the visible label is part of the
            name); the initial is drawn by CSS so it is no text of its own. */}
        <span className="sr-only">{labels.userMenu}: </span>
        <span
          aria-hidden
          data-initial={name.slice(0, 1).toUpperCase()}
          className="flex h-8 w-8 items-center justify-center rounded-full bg-brand-600 font-semibold text-white before:content-[attr(data-initial)]"
        />
        <span className="hidden sm:block">
          <span className="block font-medium text-slate-900">{name}</span>{" "}
          <span className="block text-xs text-slate-600">{roleLabel}</span>
        </span>
      </button>
      {open ? (
        <div
          role="menu"
          className="absolute right-0 z-20 mt-2 w-52 rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        >
          <Link
            role="menuitem"
            href="/account/password"
            className="block px-4 py-2 text-sm hover:bg-slate-50"
            onClick={() => setOpen(false)}
          >
            {labels.account}
          </Link>
          <button
            role="menuitem"
            type="button"
            className="block w-full px-4 py-2 text-left text-sm hover:bg-slate-50"
            onClick={() => signOut({ callbackUrl: "/login" })}
          >
            {labels.signOut}
          </button>
        </div>
      ) : null}
    </div>
  );
}
