"use client";

import { useState } from "react";
import { useSubmit } from "@/components/forms/useSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import type { ActionResult } from "@/lib/server/action";
import { formatCalendarDay } from "@/lib/i18n/dates";
import { useAppLocale } from "@/lib/i18n/client";

export type PatientOption = { id: string; mrn: string; name: string; dateOfBirth?: string };
type Labels = { patientSearch: string; searchButton: string; noMatches: string; chosen: string; change: string };

/** Staff choose whom they book for: a name, MRN or phone search, then one of the matches. */
export function PatientPicker({
  value,
  onChange,
  find,
  labels,
}: {
  value: PatientOption | null;
  onChange: (p: PatientOption | null) => void;
  find: (input: { q: string }) => Promise<ActionResult<PatientOption[]>>;
  labels: Labels;
}) {
  const locale = useAppLocale();
  const [q, setQ] = useState("");
  const [matches, setMatches] = useState<PatientOption[] | null>(null);
  const search = useSubmit(find, setMatches);
  if (value) {
    return (
      <p className="flex flex-wrap items-center gap-3 text-sm">
        <span>
          {labels.chosen}: <strong>{value.name}</strong>{" "}
          <span className="font-mono text-slate-600 whitespace-nowrap">{value.mrn}</span>
        </span>
        <Button type="button" variant="secondary" onClick={() => onChange(null)}>
          {labels.change}
        </Button>
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <form
        role="search"
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          search.submit({ q });
        }}
      >
        <div className="flex-1">
          <Field
            label={labels.patientSearch}
            name="patientQuery"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            error={search.fields.q}
            autoComplete="off"
          />
        </div>
        <Button type="submit" variant="secondary" pending={search.pending}>
          {labels.searchButton}
        </Button>
      </form>
      {search.error && !search.error.fields ? <Alert tone="error">{search.error.message}</Alert> : null}
      {matches && matches.length === 0 ? <p className="text-sm text-slate-600">{labels.noMatches}</p> : null}
      {matches && matches.length > 0 ? (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {matches.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                onClick={() => onChange(p)}
                className="flex w-full justify-between gap-3 px-3 py-2 text-left text-sm hover:bg-slate-50"
              >
                <span className="font-medium">{p.name}</span>
                <span className="text-slate-600">
                  <span className="font-mono whitespace-nowrap">{p.mrn}</span>{" "}
                  {p.dateOfBirth ? `· ${formatCalendarDay(p.dateOfBirth, locale)}` : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
