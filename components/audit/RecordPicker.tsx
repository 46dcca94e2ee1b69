"use client";

import { useState } from "react";
import { ComboboxList } from "@/components/shell/ComboboxList";
import { useCombobox, type ComboOption } from "@/components/shell/useCombobox";
import { formatCalendarDay } from "@/lib/i18n/dates";
import { useAppLocale } from "@/lib/i18n/client";
import type { Locale } from "@/lib/i18n";

export type Picked = { id: string; label: string; detail: string | null };
type Labels = {
  label: string;
  hint: string;
  none: string;
  searching: string;
  failed: string;
  change: string;
  roles?: Record<string, string>;
};
type Options = Labels & { locale: Locale };
type Source = "users" | "patients";

type UserRow = { id: string; name: string; email: string; role: string };
type PatientRow = { id: string; mrn: string; firstName: string; lastName: string; dateOfBirth: string };

const SOURCES: Record<Source, { url: (q: string) => string; option: (row: never, labels: Options) => ComboOption }> = {
  // Every account, staff and patients alike: a patient's own reads and bookings are in the trail too.
  users: {
    url: (q) => `/api/v1/audit/actors?pageSize=8&q=${encodeURIComponent(q)}`,
    option: (u: UserRow, labels) => ({
      id: u.id,
      primary: u.name,
      secondary: `${labels.roles?.[u.role] ?? u.role} · ${u.email}`,
    }),
  },
  patients: {
    url: (q) => `/api/v1/patients?pageSize=8&q=${encodeURIComponent(q)}`,
    option: (p: PatientRow, labels) => ({
      id: p.id,
      primary: `${p.lastName}, ${p.firstName}`,
      mono: p.mrn,
      secondary: formatCalendarDay(p.dateOfBirth, labels.locale),
    }),
  },
};

/**
 * A filter chosen by name, not by raw id: a search (user accounts, staff and patients, or patient
 * records, through their list APIs) whose pick fills a hidden input `name` with the record's id; the chosen one is shown by
 * name with a "Change" button.
 */
export function RecordPicker({
  name,
  source,
  initial,
  labels,
}: {
  name: string;
  source: Source;
  initial: Picked | null;
  labels: Labels;
}) {
  const [picked, setPicked] = useState<Picked | null>(initial);
  const locale = useAppLocale();
  const src = SOURCES[source];
  const combo = useCombobox({
    load: async (q, signal) => {
      const res = await fetch(src.url(q), { signal, headers: { accept: "application/json" } });
      if (!res.ok) throw new Error(`search failed: ${res.status}`);
      return ((await res.json()) as { items: never[] }).items.map((row) => src.option(row, { ...labels, locale }));
    },
    onPick: (o) => setPicked({ id: o.id, label: o.primary, detail: o.mono ?? o.secondary }),
  });
  const inputId = `picker-${name}`;
  return (
    <div>
      {picked ? (
        <span className="mb-1 block text-sm font-medium text-slate-700">{labels.label}</span>
      ) : (
        <label htmlFor={inputId} className="mb-1 block text-sm font-medium text-slate-700">
          {labels.label}
        </label>
      )}
      <input type="hidden" name={name} value={picked?.id ?? ""} />
      {picked ? (
        <div className="flex min-h-[38px] items-center justify-between gap-2 rounded-md border border-slate-300 bg-slate-50 px-3 py-1.5 text-sm">
          <span className="min-w-0 truncate">
            <span className="font-medium">{picked.label}</span>
            {picked.detail ? (
              <span className="ml-2 whitespace-nowrap font-mono text-xs text-slate-600">{picked.detail}</span>
            ) : null}
          </span>
          <button
            type="button"
            className="shrink-0 text-sm font-medium text-brand-700 hover:underline"
            aria-label={`${labels.change}: ${labels.label}`}
            onClick={() => setPicked(null)}
          >
            {labels.change}
          </button>
        </div>
      ) : (
        <div className="relative">
          <input
            id={inputId}
            type="text"
            {...combo.inputProps}
            placeholder={labels.hint}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-500 focus:outline-none focus:ring-2 focus:ring-brand-600"
          />
          <ComboboxList combo={combo} label={labels.label} labels={labels} />
        </div>
      )}
    </div>
  );
}
