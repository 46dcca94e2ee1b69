"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { ComboboxList } from "./ComboboxList";
import { NAVIGATION_START } from "./NavigationProgress";
import { useCombobox, type ComboOption } from "./useCombobox";
import { formatCalendarDay } from "@/lib/i18n/dates";
import { useAppLocale } from "@/lib/i18n/client";

/** At most this many matches in the header's list (the patients page has the rest). */
export const HEADER_SEARCH_LIMIT = 8;

type Labels = {
  label: string;
  placeholder: string;
  shortcut: string;
  results: string;
  none: string;
  searching: string;
  failed: string;
  born: string;
};
type Row = { id: string; mrn: string; firstName: string; lastName: string; dateOfBirth: string; phone: string | null };

/** Whether a key press lands in something that takes text (where "/" is typed, not a shortcut). */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The header's patient search (staff): name, MRN or phone through GET /api/v1/patients (the
 * permission table, the list's scope and audit), `/` focuses it from anywhere, Enter opens the
 * active match — the chart, or what the role may open (recordHref, {id} for the id) — or, with no
 * match chosen, the patients page searching for the text.
 */
export function PatientSearch({ recordHref, labels }: { recordHref: string | null; labels: Labels }) {
  const locale = useAppLocale();
  const nextRouter = useRouter();
  // Opening a match is a navigation like a link's: the progress bar shows until the page arrives.
  const router = {
    push: (href: string) => {
      if (href !== location.pathname + location.search) window.dispatchEvent(new Event(NAVIGATION_START));
      nextRouter.push(href);
    },
  };
  const input = useRef<HTMLInputElement>(null);
  const combo = useCombobox({
    load: async (q, signal) => {
      const res = await fetch(`/api/v1/patients?pageSize=${HEADER_SEARCH_LIMIT}&q=${encodeURIComponent(q)}`, {
        signal,
        headers: { accept: "application/json" },
      });
      if (!res.ok) throw new Error(`search failed: ${res.status}`);
      const body = (await res.json()) as { items: Row[] };
      return body.items.map(
        (p): ComboOption => ({
          id: p.id,
          primary: `${p.lastName}, ${p.firstName}`,
          mono: p.mrn,
          secondary: [`${labels.born} ${formatCalendarDay(p.dateOfBirth, locale)}`, p.phone]
            .filter(Boolean)
            .join(" · "),
        }),
      );
    },
    onPick: (o) => {
      combo.setText("");
      combo.close();
      input.current?.blur();
      router.push(
        recordHref ? recordHref.replace("{id}", o.id) : `/patients?q=${encodeURIComponent(o.mono ?? o.primary)}`,
      );
    },
    onEnterWithoutOption: (q) => router.push(`/patients?q=${encodeURIComponent(q)}`),
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return (
    <div role="search" className="relative w-full max-w-md">
      <label htmlFor="patient-search" className="sr-only">
        {labels.label}
      </label>
      <input
        id="patient-search"
        ref={input}
        type="text"
        {...combo.inputProps}
        placeholder={labels.placeholder}
        aria-keyshortcuts="/"
        aria-describedby="patient-search-hint"
        className="block w-full rounded-md border border-slate-300 bg-white py-1.5 pl-3 pr-8 text-sm shadow-sm placeholder:text-slate-500 focus:outline-none focus:ring-2 focus:ring-brand-600"
      />
      <kbd
        aria-hidden
        className="pointer-events-none absolute right-2 top-1.5 hidden rounded border border-slate-300 px-1.5 font-mono text-xs text-slate-600 sm:block"
      >
        /
      </kbd>
      <span id="patient-search-hint" className="sr-only">
        {labels.shortcut}
      </span>
      <ComboboxList combo={combo} label={labels.results} labels={labels} />
      <span role="status" className="sr-only">
        {combo.expanded && combo.options
          ? combo.options.length
            ? `${labels.results}: ${combo.options.length}`
            : labels.none
          : ""}
      </span>
    </div>
  );
}
