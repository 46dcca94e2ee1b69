"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

/** Without `conditionFilter` (a role that may not see conditions) there is no diagnosis filter. */
type Labels = { search: string; conditionFilter?: string; sortBy: string; sorts: Record<string, string> };

/** Search as you type: the URL follows the inputs 300 ms after the last keystroke. */
export function PatientFilters({ labels }: { labels: Labels }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [q, setQ] = useState(params.get("q") ?? "");
  const [condition, setCondition] = useState(params.get("condition") ?? "");
  const sort = params.get("sort") ?? "lastName";

  useEffect(() => {
    const t = setTimeout(() => {
      const next = new URLSearchParams(params);
      for (const [k, val] of [
        ["q", q.trim()],
        ["condition", condition.trim()],
      ] as const) {
        if (val) next.set(k, val);
        else next.delete(k);
      }
      if (next.toString() !== params.toString()) {
        next.delete("page");
        router.replace(`${pathname}?${next}`);
      }
    }, 300);
    return () => clearTimeout(t);
  }, [q, condition, params, pathname, router]);

  const input =
    "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-600";
  return (
    <div
      role="search"
      className={`grid gap-3 ${labels.conditionFilter ? "sm:grid-cols-[2fr_1fr_auto]" : "sm:grid-cols-[3fr_auto]"}`}
    >
      <div>
        <label htmlFor="patient-q" className="sr-only">
          {labels.search}
        </label>
        <input
          id="patient-q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={labels.search}
          className={input}
          autoComplete="off"
        />
      </div>
      {labels.conditionFilter ? (
        <div>
          <label htmlFor="patient-condition" className="sr-only">
            {labels.conditionFilter}
          </label>
          <input
            id="patient-condition"
            value={condition}
            onChange={(e) => setCondition(e.target.value)}
            placeholder={labels.conditionFilter}
            className={input}
          />
        </div>
      ) : null}
      <div>
        <label htmlFor="patient-sort" className="sr-only">
          {labels.sortBy}
        </label>
        <select
          id="patient-sort"
          value={sort}
          className={input}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            next.set("sort", e.target.value);
            next.delete("page");
            router.replace(`${pathname}?${next}`);
          }}
        >
          {Object.entries(labels.sorts).map(([value, text]) => (
            <option key={value} value={value}>
              {labels.sortBy}: {text}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
