"use client";

import type { useCombobox } from "./useCombobox";

type Combo = ReturnType<typeof useCombobox>;

/** The listbox of a useCombobox: its options (the active one highlighted), or why there are none. */
export function ComboboxList({
  combo,
  label,
  labels,
}: {
  combo: Combo;
  label: string;
  labels: { none: string; searching: string; failed: string };
}) {
  if (!combo.expanded) return <ul id={combo.listId} role="listbox" aria-label={label} hidden />;
  const { options, state } = combo;
  return (
    <ul
      id={combo.listId}
      role="listbox"
      aria-label={label}
      className="absolute left-0 right-0 z-40 mt-1 max-h-80 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
    >
      {state === "failed" ? (
        <li role="presentation" className="px-3 py-2 text-sm text-red-700">
          {labels.failed}
        </li>
      ) : null}
      {state === "loading" && !options?.length ? (
        <li role="presentation" className="px-3 py-2 text-sm text-slate-600">
          {labels.searching}
        </li>
      ) : null}
      {state !== "loading" && options?.length === 0 ? (
        <li role="presentation" className="px-3 py-2 text-sm text-slate-600">
          {labels.none}
        </li>
      ) : null}
      {options?.map((o, i) => (
        <li
          key={o.id}
          id={combo.optionId(i)}
          role="option"
          aria-selected={i === combo.active}
          // mousedown, not click: the input must not lose focus (and close the list) first
          onMouseDown={(e) => {
            e.preventDefault();
            combo.pick(o);
          }}
          onMouseMove={() => combo.setActive(i)}
          className={`cursor-pointer px-3 py-2 text-sm ${i === combo.active ? "bg-brand-50 text-brand-900" : "text-slate-800"}`}
        >
          <span className="flex flex-wrap items-baseline justify-between gap-x-3">
            <span className="font-medium">{o.primary}</span>
            {o.mono ? <span className="whitespace-nowrap font-mono text-xs text-slate-700">{o.mono}</span> : null}
          </span>
          {o.secondary ? <span className="block text-xs text-slate-600">{o.secondary}</span> : null}
        </li>
      ))}
    </ul>
  );
}
