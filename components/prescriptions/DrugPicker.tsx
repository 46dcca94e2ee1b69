"use client";

import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/Button";
import { controlProps } from "@/components/ui/FieldFrame";
import type { DrugOption } from "@/lib/prescriptions/queries";
import type { ActionResult } from "@/lib/server/action";

type Labels = { drug: string; searchDrug: string; searchHint: string; noDrugs: string; change: string };

/** Search-as-you-type over the catalogue (generic or brand name), then one drug chosen. */
export function DrugPicker({
  value,
  onChange,
  search,
  labels,
  error,
  name,
}: {
  value: DrugOption | null;
  onChange: (d: DrugOption | null) => void;
  search: (input: { q: string }) => Promise<ActionResult<DrugOption[]>>;
  labels: Labels;
  error?: string;
  name: string;
}) {
  const id = useId();
  const [q, setQ] = useState("");
  const [options, setOptions] = useState<DrugOption[] | null>(null);
  useEffect(() => {
    if (q.trim().length < 2) return;
    let live = true;
    const timer = setTimeout(async () => {
      const r = await search({ q: q.trim() });
      if (live) setOptions(r.ok ? r.data : []);
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, search]);
  const shown = q.trim().length >= 2 ? options : null;
  if (value) {
    return (
      <div className="space-y-1">
        <span className="block text-sm font-medium text-slate-700">{labels.drug}</span>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <strong data-testid={`${name}-chosen`}>{value.label}</strong>
          {value.brandName ? <span className="text-slate-500">({value.brandName})</span> : null}
          <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => onChange(null)}>
            {labels.change}
          </Button>
        </p>
      </div>
    );
  }
  return (
    <div className="relative space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {labels.drug}
      </label>
      <input
        {...controlProps(id, error, labels.searchHint)}
        name={name}
        type="search"
        autoComplete="off"
        placeholder={labels.searchDrug}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        role="combobox"
        aria-expanded={!!shown?.length}
        aria-controls={`${id}-list`}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {labels.searchHint}
        </p>
      )}
      {shown ? (
        <ul
          id={`${id}-list`}
          role="listbox"
          className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white text-sm shadow-lg"
        >
          {shown.length === 0 ? <li className="px-3 py-2 text-slate-500">{labels.noDrugs}</li> : null}
          {shown.map((d) => (
            <li key={d.id} role="option" aria-selected={false}>
              <button
                type="button"
                className="flex w-full justify-between gap-3 px-3 py-2 text-left hover:bg-brand-50"
                onClick={() => {
                  onChange(d);
                  setQ("");
                  setOptions(null);
                }}
              >
                <span>{d.label}</span>
                <span className="text-slate-500">{d.brandName ?? ""}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
