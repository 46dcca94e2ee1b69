"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "@/components/ui/Button";
import { CheckboxField } from "@/components/ui/CheckboxField";
import { SelectField } from "@/components/ui/Select";
import { useCatalog } from "@/lib/i18n/client";
import { specToQuery } from "@/lib/reportbuilder/query";
import type { EntityInfo, FieldInfo } from "@/lib/reportbuilder/service";
import type { ReportSpecInput } from "@/lib/reportbuilder/spec";

// The builder's form: entity, columns, filters, groupings and figures from the allow-list the server
// sent. Running it puts the spec in the URL, so the page (and its paging links) can be bookmarked.

type FilterRow = { field: string; op: string; value: string; value2: string };
type GroupRow = { field: string; granularity: string };
type AggRow = { fn: string; field: string };

const control = "block rounded-md border-0 px-2 py-1.5 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600";
const small = buttonClass("secondary").replace("px-4 py-2", "px-3 py-1.5");
const legend = "mb-2 text-sm font-semibold text-slate-900";

function initialState(initial: ReportSpecInput | null) {
  const str = (v: string | string[] | undefined, i: number) => (Array.isArray(v) ? v[i] ?? "" : i === 0 ? v ?? "" : "");
  return {
    columns: initial?.columns ?? [],
    filters: (initial?.filters ?? []).map((f) => ({ field: f.field, op: f.op, value: f.op === "in" && Array.isArray(f.value) ? f.value.join(", ") : str(f.value, 0), value2: str(f.value, 1) })),
    groups: (initial?.groupBy ?? []).map((g) => ({ field: g.field, granularity: g.granularity ?? "" })),
    aggs: (initial?.aggregates ?? []).map((a) => ({ fn: a.fn, field: a.field ?? "" })),
  };
}

export function BuilderForm({ catalog, initial }: { catalog: EntityInfo[]; initial: ReportSpecInput | null }) {
  const m = useCatalog().reportbuilder;
  const router = useRouter();
  const known = catalog.some((e) => e.entity === initial?.entity);
  const [entity, setEntity] = useState<string>(known ? initial!.entity : "");
  const start = initialState(known ? initial : null);
  const [columns, setColumns] = useState<string[]>(start.columns);
  const [filters, setFilters] = useState<FilterRow[]>(start.filters);
  const [groups, setGroups] = useState<GroupRow[]>(start.groups);
  const [aggs, setAggs] = useState<AggRow[]>(start.aggs);

  const info = catalog.find((e) => e.entity === entity);
  const fields = info?.fields ?? [];
  const byKey = (k: string) => fields.find((f) => f.key === k);
  const label = (k: string) => (m.fields as Record<string, string>)[k] ?? k;
  const fieldOptions = (list: FieldInfo[]) => [["", m.choose] as const, ...list.map((f) => [f.key, label(f.key)] as const)];
  const update = <T,>(set: React.Dispatch<React.SetStateAction<T[]>>, i: number, patch: Partial<T>) => set((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const remove = <T,>(set: React.Dispatch<React.SetStateAction<T[]>>, i: number) => set((rows) => rows.filter((_, j) => j !== i));

  function chooseEntity(next: string) {
    setEntity(next);
    setColumns([...(catalog.find((e) => e.entity === next)?.defaultColumns ?? [])]);
    setFilters([]);
    setGroups([]);
    setAggs([]);
  }

  function run(e: React.FormEvent) {
    e.preventDefault();
    const spec = {
      entity: entity as ReportSpecInput["entity"],
      // Columns only matter to a plain listing; a grouped report shows its groups and figures.
      columns: groups.length || aggs.length ? [] : columns,
      filters: filters.map((f) => ({
        field: f.field,
        op: f.op as NonNullable<ReportSpecInput["filters"]>[number]["op"],
        value: f.op === "in" ? f.value.split(",").map((s) => s.trim()).filter(Boolean) : f.op === "between" ? [f.value, f.value2] : f.value,
      })),
      groupBy: groups.map((g) => ({ field: g.field, granularity: (byKey(g.field)?.type === "date" ? g.granularity || "month" : undefined) as NonNullable<ReportSpecInput["groupBy"]>[number]["granularity"] })),
      aggregates: aggs.map((a) => ({ fn: a.fn as NonNullable<ReportSpecInput["aggregates"]>[number]["fn"], field: a.fn === "count" ? undefined : a.field })),
    };
    router.push(`/reports/builder?${specToQuery(spec)}`);
  }

  function valueInput(f: FilterRow, i: number, second = false) {
    const fi = byKey(f.field);
    const common = { className: `${control} w-full`, "aria-label": `${m.value} ${i + 1}${second ? ` (${m.and})` : ""}`, value: second ? f.value2 : f.value, onChange: (e: { target: { value: string } }) => update(setFilters, i, second ? { value2: e.target.value } : { value: e.target.value }) };
    if (fi?.type === "enum" && f.op === "equals") {
      return <select {...common}>{[["", m.choose], ...(fi.values ?? []).map((v) => [v, v])].map(([v, t]) => <option key={v} value={v}>{t}</option>)}</select>;
    }
    const type = f.op === "in" ? "text" : fi?.type === "date" ? "date" : fi?.type === "number" || fi?.type === "money" ? "number" : "text";
    return <input type={type} {...common} placeholder={f.op === "in" ? (fi?.values ?? []).join(", ") : undefined} />;
  }

  return (
    <form onSubmit={run} className="space-y-5">
      <div className="max-w-sm">
        <SelectField label={m.entity} name="entity" value={entity} onChange={(e) => chooseEntity(e.target.value)}
          options={[["", m.choose], ...catalog.map((e) => [e.entity, (m.entities as Record<string, string>)[e.entity] ?? e.entity] as const)]} />
      </div>
      {info ? (
        <>
          <fieldset>
            <legend className={legend}>{m.columns}</legend>
            <p className="mb-2 text-xs text-slate-500">{m.columnsHint}</p>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
              {fields.map((f) => (
                <CheckboxField key={f.key} name={`col-${f.key}`} label={label(f.key)} checked={columns.includes(f.key)}
                  onChange={(e) => setColumns((c) => (e.target.checked ? [...c, f.key] : c.filter((x) => x !== f.key)))} />
              ))}
            </div>
          </fieldset>

          <fieldset>
            <legend className={legend}>{m.filters}</legend>
            <div className="space-y-2">
              {filters.map((f, i) => {
                const fi = byKey(f.field);
                return (
                  <div key={i} className="flex flex-wrap items-center gap-2">
                    <select className={`${control} w-48`} aria-label={`${m.field} ${i + 1}`} value={f.field}
                      onChange={(e) => update(setFilters, i, { field: e.target.value, op: byKey(e.target.value)?.operators[0] ?? "", value: "", value2: "" })}>
                      {fieldOptions(fields).map(([v, t]) => <option key={v} value={v}>{t}</option>)}
                    </select>
                    <select className={`${control} w-36`} aria-label={`${m.operator} ${i + 1}`} value={f.op} onChange={(e) => update(setFilters, i, { op: e.target.value })}>
                      {(fi?.operators ?? []).map((op) => <option key={op} value={op}>{(m.operators as Record<string, string>)[op]}</option>)}
                    </select>
                    <div className="w-48">{valueInput(f, i)}</div>
                    {f.op === "between" ? <><span className="text-sm text-slate-600">{m.and}</span><div className="w-48">{valueInput(f, i, true)}</div></> : null}
                    {f.op === "in" ? <span className="text-xs text-slate-500">{m.valuesHint}</span> : null}
                    <button type="button" className={small} onClick={() => remove(setFilters, i)}>{m.remove}</button>
                  </div>
                );
              })}
            </div>
            <button type="button" className={`${small} mt-2`} onClick={() => setFilters((r) => [...r, { field: "", op: "", value: "", value2: "" }])}>{m.addFilter}</button>
          </fieldset>

          <div className="grid gap-5 md:grid-cols-2">
            <fieldset>
              <legend className={legend}>{m.groupBy}</legend>
              <div className="space-y-2">
                {groups.map((g, i) => (
                  <div key={i} className="flex flex-wrap items-center gap-2">
                    <select className={`${control} w-48`} aria-label={`${m.groupBy} ${i + 1}`} value={g.field}
                      onChange={(e) => update(setGroups, i, { field: e.target.value, granularity: byKey(e.target.value)?.type === "date" ? "month" : "" })}>
                      {fieldOptions(fields.filter((f) => f.group)).map(([v, t]) => <option key={v} value={v}>{t}</option>)}
                    </select>
                    {byKey(g.field)?.type === "date" ? (
                      <select className={`${control} w-32`} aria-label={`${m.granularity} ${i + 1}`} value={g.granularity || "month"} onChange={(e) => update(setGroups, i, { granularity: e.target.value })}>
                        {Object.entries(m.granularities).map(([v, t]) => <option key={v} value={v}>{t}</option>)}
                      </select>
                    ) : null}
                    <button type="button" className={small} onClick={() => remove(setGroups, i)}>{m.remove}</button>
                  </div>
                ))}
              </div>
              <button type="button" className={`${small} mt-2`} onClick={() => setGroups((r) => [...r, { field: "", granularity: "" }])}>{m.addGroup}</button>
            </fieldset>

            <fieldset>
              <legend className={legend}>{m.aggregates}</legend>
              <div className="space-y-2">
                {aggs.map((a, i) => (
                  <div key={i} className="flex flex-wrap items-center gap-2">
                    <select className={`${control} w-36`} aria-label={`${m.aggregates} ${i + 1}`} value={a.fn} onChange={(e) => update(setAggs, i, { fn: e.target.value })}>
                      {Object.entries(m.aggregateFns).map(([v, t]) => <option key={v} value={v}>{t}</option>)}
                    </select>
                    {a.fn !== "count" ? (
                      <select className={`${control} w-48`} aria-label={`${m.field} (${m.aggregates}) ${i + 1}`} value={a.field} onChange={(e) => update(setAggs, i, { field: e.target.value })}>
                        {fieldOptions(fields.filter((f) => f.aggregate)).map(([v, t]) => <option key={v} value={v}>{t}</option>)}
                      </select>
                    ) : null}
                    <button type="button" className={small} onClick={() => remove(setAggs, i)}>{m.remove}</button>
                  </div>
                ))}
              </div>
              <button type="button" className={`${small} mt-2`} onClick={() => setAggs((r) => [...r, { fn: "count", field: "" }])}>{m.addAggregate}</button>
            </fieldset>
          </div>
        </>
      ) : null}
      <button type="submit" className={buttonClass()} disabled={!entity}>{m.run}</button>
    </form>
  );
}
