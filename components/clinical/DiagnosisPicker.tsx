"use client";

import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/Button";

export type Diagnosis = { code?: string; description: string };
type Labels = {
  diagnoses: string;
  diagnosisSearch: string;
  diagnosisFree: string;
  addFree: string;
  remove: string;
  noDiagnoses: string;
  noMatches: string;
};

/**
 * The consultation's diagnoses: an as-you-type search of the ICD-10-CM subset (GET /api/v1/icd10)
 * whose options add a coded diagnosis, and a free-text diagnosis for what the subset lacks.
 */
export function DiagnosisPicker({
  value,
  onChange,
  labels,
  error,
}: {
  value: Diagnosis[];
  onChange: (d: Diagnosis[]) => void;
  labels: Labels;
  error?: string;
}) {
  const [q, setQ] = useState("");
  const [free, setFree] = useState("");
  const [options, setOptions] = useState<{ code: string; description: string }[] | null>(null);
  const listId = useId();
  useEffect(() => {
    const text = q.trim();
    if (text.length < 2) {
      setOptions(null);
      return;
    }
    const ctl = new AbortController();
    const t = setTimeout(() => {
      fetch(`/api/v1/icd10?q=${encodeURIComponent(text)}`, { signal: ctl.signal })
        .then((r) => (r.ok ? r.json() : { items: [] }))
        .then((b: { items: { code: string; description: string }[] }) => setOptions(b.items))
        .catch(() => undefined);
    }, 150);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [q]);
  const add = (d: Diagnosis) => {
    if (!value.some((x) => x.code && x.code === d.code)) onChange([...value, d]);
    setQ("");
    setOptions(null);
  };
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-700">{labels.diagnoses}</legend>
      {value.length === 0 ? (
        <p className="text-sm text-slate-600">{labels.noDiagnoses}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label={labels.diagnoses}>
          {value.map((d, i) => (
            <li key={`${d.code ?? ""}-${i}`} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
              <span>
                {d.code ? <span className="mr-2 font-mono font-semibold text-slate-900">{d.code}</span> : null}
                {d.description}
              </span>
              <button
                type="button"
                className="text-sm text-red-700 hover:underline"
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                aria-label={`${labels.remove} ${d.code ?? d.description}`}
              >
                {labels.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
      <div className="relative space-y-1">
        <label htmlFor="icd-search" className="block text-sm font-medium text-slate-700">
          {labels.diagnosisSearch}
        </label>
        <input
          id="icd-search"
          role="combobox"
          aria-expanded={!!options?.length}
          aria-controls={listId}
          aria-autocomplete="list"
          autoComplete="off"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              if (options?.[0]) add(options[0]);
            }
          }}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-600"
        />
        {options ? (
          <ul
            id={listId}
            role="listbox"
            aria-label={labels.diagnosisSearch}
            className="absolute z-10 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-slate-200 bg-white shadow-lg"
          >
            {options.length === 0 ? <li className="px-3 py-2 text-sm text-slate-600">{labels.noMatches}</li> : null}
            {options.map((o) => (
              <li
                key={o.code}
                role="option"
                aria-label={`${o.code} ${o.description}`}
                aria-selected={false}
                tabIndex={0}
                onClick={() => add(o)}
                onKeyDown={(e) => (e.key === "Enter" ? add(o) : undefined)}
                className="cursor-pointer px-3 py-2 text-sm hover:bg-brand-50 focus:bg-brand-50 focus:outline-none"
              >
                <span className="mr-2 font-mono font-semibold">{o.code}</span>
                {o.description}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="flex items-end gap-2">
        <div className="flex-1 space-y-1">
          <label htmlFor="dx-free" className="block text-sm font-medium text-slate-700">
            {labels.diagnosisFree}
          </label>
          <input
            id="dx-free"
            value={free}
            maxLength={300}
            onChange={(e) => setFree(e.target.value)}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-600"
          />
        </div>
        <Button
          type="button"
          variant="secondary"
          disabled={!free.trim()}
          onClick={() => {
            add({ description: free.trim() });
            setFree("");
          }}
        >
          {labels.addFree}
        </Button>
      </div>
    </fieldset>
  );
}
