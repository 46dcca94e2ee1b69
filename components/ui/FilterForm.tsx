import { buttonClass } from "./Button";

type Select = { name: string; label: string; value?: string; options: readonly (readonly [string, string])[] };
type DateInput = { name: string; label: string; value?: string };

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-600";

/** A plain GET form for list filters: works without JavaScript and keeps the filters in the URL. */
export function FilterForm({
  action,
  q,
  selects,
  dates = [],
  hidden = {},
  submit,
}: {
  action: string;
  q?: { label: string; value?: string };
  selects: Select[];
  dates?: DateInput[];
  hidden?: Record<string, string>;
  submit: string;
}) {
  return (
    <form action={action} method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {q ? (
        <div className="min-w-56 flex-1 space-y-1">
          <label htmlFor="filter-q" className="block text-sm font-medium text-slate-700">
            {q.label}
          </label>
          <input id="filter-q" name="q" defaultValue={q.value ?? ""} className={control} />
        </div>
      ) : null}
      {selects.map((s) => (
        <div key={s.name} className="min-w-44 space-y-1">
          <label htmlFor={`filter-${s.name}`} className="block text-sm font-medium text-slate-700">
            {s.label}
          </label>
          <select id={`filter-${s.name}`} name={s.name} defaultValue={s.value ?? ""} className={control}>
            {s.options.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </div>
      ))}
      {dates.map((d) => (
        <div key={d.name} className="min-w-40 space-y-1">
          <label htmlFor={`filter-${d.name}`} className="block text-sm font-medium text-slate-700">
            {d.label}
          </label>
          <input id={`filter-${d.name}`} type="date" name={d.name} defaultValue={d.value ?? ""} className={control} />
        </div>
      ))}
      <button type="submit" className={buttonClass("primary")}>
        {submit}
      </button>
    </form>
  );
}
