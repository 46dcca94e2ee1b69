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

const control =
  "block rounded-md border-0 px-2 py-1.5 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600";
const small = buttonClass("secondary").replace("px-4 py-2", "px-3 py-1.5");
const legend = "mb-2 text-sm font-semibold text-slate-900";

function initialState(initial: ReportSpecInput | null) {
  const str = (v: string | string[] | undefined, i: number) =>
    Array.isArray(v) ? (v[i] ?? "") : i === 0 ? (v ?? "") : "";
  return {
    columns: initial?.columns ?? [],
    filters: (initial?.filters ?? []).map((f) => ({
      field: f.field,
      op: f.op,
      value: f.op === "in" && Array.isArray(f.value) ? f.value.join(", ") : str(f.value, 0),
      value2: str(f.value, 1),
    })),
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
  const fieldOptions = (list: FieldInfo[]) => [
    ["", m.choose] as const,
    ...list.map((f) => [f.key, label(f.key)] as const),
  ];
  const update = <T,>(set: React.Dispatch<React.SetStateAction<T[]>>, i: number, patch: Partial<T>) =>
    set((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const remove = <T,>(set: React.Dispatch<React.SetStateAction<T[]>>, i: number) =>
    set((rows) => rows.filter((_, j) => j !== i));

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
        value:
          f.op === "in"
            ? f.value
                .split(",")
                .map((s) => s.trim())
                .filter(Boolean)
            : f.op === "between"
              ? [f.value, f.value2]
              : f.value,
      })),
      groupBy: groups.map((g) => ({
        field: g.field,
        granularity: (byKey(g.field)?.type === "date" ? g.granularity || "month" : undefined) as NonNullable<
          ReportSpecInput["groupBy"]
        >[number]["granularity"],
      })),
      aggregates: aggs.map((a) => ({
        fn: a.fn as NonNullable<ReportSpecInput["aggregates"]>[number]["fn"],
        field: a.fn === "count" ? undefined : a.field,
      })),
    };
    router.push(`/reports/builder?${specToQuery(spec)}`);
  }

  function valueInput(f: FilterRow, i: number, second = false) {
    const fi = byKey(f.field);
    const common = {
      className: `${control} w-full`,
      "aria-label": `${m.value} ${i + 1}${second ? ` (${m.and})` : ""}`,
      value: second ? f.value2 : f.value,
      onChange: (e: { target: { value: string } }) =>
        update(setFilters, i, second ? { value2: e.target.value } : { value: e.target.value }),
    };
    if (fi?.type === "enum" && f.op === "equals") {
      return (
        <select {...common}>
          {[["", m.choose], ...(fi.values ?? []).map((v) => [v, v])].map(([v, t]) => (
            <option key={v} value={v}>
              {t}
            </option>
          ))}
        </select>
      );
    }
    const type =
      f.op === "in"
        ? "text"
        : fi?.type === "date"
          ? "date"
          : fi?.type === "number" || fi?.type === "money"
            ? "number"
            : "text";
    return <input type={type} {...common} placeholder={f.op === "in" ? (fi?.values ?? []).join(", ") : undefined} />;
  }

  return (
    <form onSubmit={run} className="space-y-5">
      <div className="max-w-sm">
        <SelectField
          label={m.entity}
          name="entity"
          value={entity}
          onChange={(e) => chooseEntity(e.target.value)}
          options={[
            ["", m.choose],
            ...catalog.map((e) => [e.entity, (m.entities as Record<string, string>)[e.entity] ?? e.entity] as const),
          ]}
        />
      </div>
      {info ? (
        <>
          <fieldset>
            <legend className={legend}>{m.columns}</legend>
            <p className="mb-2 text-xs text-slate-500">{m.columnsHint}</p>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
              {fields.map((f) => (
                <CheckboxField
                  key={f.key}
                  name={`col-${f.key}`}
                  label={label(f.key)}
                  checked={columns.includes(f.key)}
                  onChange={(e) => setColumns((c) => (e.target.checked ? [...c, f.key] : c.filter((x) => x !== f.key)))}
                />
              ))}
            </div>
          </fieldset>

          <RowSet
            title={m.filters}
            add={m.addFilter}
            remove={m.remove}
            rows={filters}
            onRemove={(i) => remove(setFilters, i)}
            onAdd={() => setFilters((r) => [...r, { field: "", op: "", value: "", value2: "" }])}
            render={(f, i) => (
              <>
                <Choice
                  label={`${m.field} ${i + 1}`}
                  width="w-48"
                  value={f.field}
                  options={fieldOptions(fields)}
                  onChange={(v) =>
                    update(setFilters, i, { field: v, op: byKey(v)?.operators[0] ?? "", value: "", value2: "" })
                  }
                />
                <Choice
                  label={`${m.operator} ${i + 1}`}
                  width="w-36"
                  value={f.op}
                  onChange={(v) => update(setFilters, i, { op: v })}
                  options={(byKey(f.field)?.operators ?? []).map(
                    (op) => [op, (m.operators as Record<string, string>)[op]] as const,
                  )}
                />
                <div className="w-48">{valueInput(f, i)}</div>
                {f.op === "between" ? (
                  <>
                    <span className="text-sm text-slate-600">{m.and}</span>
                    <div className="w-48">{valueInput(f, i, true)}</div>
                  </>
                ) : null}
                {f.op === "in" ? <span className="text-xs text-slate-500">{m.valuesHint}</span> : null}
              </>
            )}
          />

          <div className="grid gap-5 md:grid-cols-2">
            <RowSet
              title={m.groupBy}
              add={m.addGroup}
              remove={m.remove}
              rows={groups}
              onRemove={(i) => remove(setGroups, i)}
              onAdd={() => setGroups((r) => [...r, { field: "", granularity: "" }])}
              render={(g, i) => (
                <>
                  <Choice
                    label={`${m.groupBy} ${i + 1}`}
                    width="w-48"
                    value={g.field}
                    options={fieldOptions(fields.filter((f) => f.group))}
                    onChange={(v) =>
                      update(setGroups, i, { field: v, granularity: byKey(v)?.type === "date" ? "month" : "" })
                    }
                  />
                  {byKey(g.field)?.type === "date" ? (
                    <Choice
                      label={`${m.granularity} ${i + 1}`}
                      width="w-32"
                      value={g.granularity || "month"}
                      options={Object.entries(m.granularities)}
                      onChange={(v) => update(setGroups, i, { granularity: v })}
                    />
                  ) : null}
                </>
              )}
            />
            <RowSet
              title={m.aggregates}
              add={m.addAggregate}
              remove={m.remove}
              rows={aggs}
              onRemove={(i) => remove(setAggs, i)}
              onAdd={() => setAggs((r) => [...r, { fn: "count", field: "" }])}
              render={(a, i) => (
                <>
                  <Choice
                    label={`${m.aggregates} ${i + 1}`}
                    width="w-36"
                    value={a.fn}
                    options={Object.entries(m.aggregateFns)}
                    onChange={(v) => update(setAggs, i, { fn: v })}
                  />
                  {a.fn !== "count" ? (
                    <Choice
                      label={`${m.field} (${m.aggregates}) ${i + 1}`}
                      width="w-48"
                      value={a.field}
                      options={fieldOptions(fields.filter((f) => f.aggregate))}
                      onChange={(v) => update(setAggs, i, { field: v })}
                    />
                  ) : null}
                </>
              )}
            />
          </div>
        </>
      ) : null}
      <button type="submit" className={buttonClass()} disabled={!entity}>
        {m.run}
      </button>
    </form>
  );
}

function Choice({
  label,
  width,
  value,
  options,
  onChange,
}: {
  label: string;
  width: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (v: string) => void;
}) {
  return (
    <select
      className={`${control} ${width}`}
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {options.map(([v, t]) => (
        <option key={v} value={v}>
          {t}
        </option>
      ))}
    </select>
  );
}

/** A fieldset of editable rows, each with a Remove button, and an Add button below. */
function RowSet<T>({
  title,
  add,
  remove,
  rows,
  onAdd,
  onRemove,
  render,
}: {
  title: string;
  add: string;
  remove: string;
  rows: T[];
  onAdd: () => void;
  onRemove: (i: number) => void;
  render: (row: T, i: number) => React.ReactNode;
}) {
  return (
    <fieldset>
      <legend className={legend}>{title}</legend>
      <div className="space-y-2">
        {rows.map((row, i) => (
          <div key={i} className="flex flex-wrap items-center gap-2">
            {render(row, i)}
            <button type="button" className={small} onClick={() => onRemove(i)}>
              {remove}
            </button>
          </div>
        ))}
      </div>
      <button type="button" className={`${small} mt-2`} onClick={onAdd}>
        {add}
      </button>
    </fieldset>
  );
}
