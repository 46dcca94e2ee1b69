import Link from "next/link";
import { notFound } from "next/navigation";
import { recordHref, Value } from "@/components/databrowser/Value";
import { buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { Pagination } from "@/components/ui/Pagination";
import { cell } from "@/components/ui/Table";
import { listRecords, recordLabel } from "@/lib/databrowser/queries";
import { entryOf } from "@/lib/databrowser/registry";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { guardPage } from "@/lib/server/guard";

export const generateMetadata = titled((m) => m.titles.adminDataEntity);

const PAGE_SIZE = 25;

export default async function EntityListPage({
  params,
  searchParams,
}: {
  params: Promise<{ entity: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { entity } = await params;
  await guardPage("data.browse", `/admin/data/${entity}`);
  const e = entryOf(entity);
  if (!e) notFound();
  const ctx = await guardPage(e.permission, `/admin/data/${entity}`);
  const m = (await messages()).databrowser;
  const locale = await requestLocale();
  const sp = await searchParams;
  const str = (k: string) => (typeof sp[k] === "string" && sp[k] ? (sp[k] as string) : undefined);
  const sort = str("sort") && e.sorts.includes(str("sort")!.replace(/^-/, "")) ? str("sort")! : e.defaultSort;
  const query = parseListQuery(
    new URLSearchParams({
      q: (str("q") ?? "").slice(0, 200),
      page: String(Math.max(1, Number(str("page") ?? 1) || 1)),
      pageSize: String(PAGE_SIZE),
      sort,
    }),
    e.sorts,
    sort as `${string}`,
  );
  const filters = Object.fromEntries(e.filters.map((f) => [f.name, str(f.name)]));
  const refFilters = e.filters.filter((f) => f.kind === "ref" && filters[f.name]);
  const [{ items, total }, chips] = await Promise.all([
    listRecords(db(), ctx, e, query, filters),
    Promise.all(
      refFilters.map(async (f) => {
        const target = e.fields.find((x) => x.name === f.name)?.ref;
        return {
          name: f.name,
          label: (target ? await recordLabel(db(), target, filters[f.name]!) : null) ?? filters[f.name]!,
        };
      }),
    ),
  ]);
  const label = (name: string) => (m.fields as Record<string, string>)[name] ?? name;
  const kept = Object.fromEntries(
    Object.entries({ ...filters, q: query.q || undefined, sort: sort === e.defaultSort ? undefined : sort }).filter(
      (x): x is [string, string] => !!x[1],
    ),
  );
  const sortHref = (col: string) => `?${new URLSearchParams({ ...kept, sort: sort === col ? `-${col}` : col })}`;
  const without = (name: string) =>
    `?${new URLSearchParams(Object.fromEntries(Object.entries(kept).filter(([k]) => k !== name)))}`;
  const input = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";
  const currency = env().HOSPITAL_CURRENCY;
  return (
    <>
      <PageHeader title={m.entities[e.key]}>
        <Link href="/admin/data" className="text-sm text-brand-700 hover:underline">
          {m.record.back(m.title)}
        </Link>
      </PageHeader>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        {e.search.fields.length > 0 ? (
          <div className="min-w-56 flex-1">
            <label htmlFor="data-q" className="mb-1 block text-sm font-medium text-slate-700">
              {m.list.search}
            </label>
            <input
              id="data-q"
              name="q"
              type="search"
              defaultValue={query.q}
              placeholder={m.list.searchHint(e.search.fields.map(label).join(", "))}
              className={input}
            />
          </div>
        ) : null}
        {e.filters.map((f) =>
          f.kind === "ref" ? (
            filters[f.name] ? (
              <input key={f.name} type="hidden" name={f.name} value={filters[f.name]} />
            ) : null
          ) : (
            <div key={f.name}>
              <label htmlFor={`data-${f.name}`} className="mb-1 block text-sm font-medium text-slate-700">
                {label(f.name)}
              </label>
              <select id={`data-${f.name}`} name={f.name} defaultValue={filters[f.name] ?? ""} className={input}>
                <option value="">{m.list.any}</option>
                {(f.kind === "bool"
                  ? [
                      ["true", m.list.yes],
                      ["false", m.list.no],
                    ]
                  : f.options.map((o) => [o, (m.codes as Record<string, string>)[o] ?? o])
                ).map(([v, t]) => (
                  <option key={v} value={v}>
                    {t}
                  </option>
                ))}
              </select>
            </div>
          ),
        )}
        {sort !== e.defaultSort ? <input type="hidden" name="sort" value={sort} /> : null}
        <button type="submit" className={buttonClass("secondary")}>
          {m.list.filter}
        </button>
        {Object.keys(kept).length > 0 ? (
          <Link href="?" className="py-2 text-sm text-brand-700 hover:underline">
            {m.list.clear}
          </Link>
        ) : null}
      </form>
      {e.search.fields.length === 0 && e.filters.every((f) => f.kind === "ref") ? (
        <p className="mb-3 text-sm text-slate-500">{m.list.noSearch}</p>
      ) : null}
      {chips.length > 0 ? (
        <p className="mb-3 flex flex-wrap gap-2 text-sm">
          {chips.map((c) => (
            <span
              key={c.name}
              className="inline-flex items-center gap-2 rounded-full bg-brand-50 px-3 py-1 text-brand-800"
            >
              {m.list.filteredBy(label(c.name), c.label)}
              <Link href={without(c.name)} aria-label={m.list.clear} className="font-semibold">
                ×
              </Link>
            </span>
          ))}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">{m.list.none}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                {e.columns.map((c) => (
                  <th key={c} scope="col" className="px-4 py-2 font-medium">
                    {e.sorts.includes(c) ? (
                      <Link href={sortHref(c)} title={m.list.sortBy(label(c))} className="hover:underline">
                        {label(c)} {sort === c ? "↑" : sort === `-${c}` ? "↓" : ""}
                      </Link>
                    ) : (
                      label(c)
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((r) => (
                <tr key={r.id} className="hover:bg-slate-50">
                  {e.columns.map((c, i) => {
                    const spec = e.fields.find((x) => x.name === c)!;
                    return (
                      <td key={c} className={`${cell} max-w-xs truncate`}>
                        {i === 0 ? (
                          <Link
                            href={recordHref({ entity: e.key, id: r.id })}
                            className="font-medium text-brand-700 hover:underline"
                          >
                            <Value
                              kind={spec.kind}
                              value={r.values[c] ?? r.label}
                              locale={locale}
                              currency={currency}
                              yes={m.list.yes}
                              no={m.list.no}
                              codes={m.codes}
                            />
                          </Link>
                        ) : (
                          <Value
                            kind={spec.kind}
                            value={r.values[c]}
                            link={r.links[c]}
                            locale={locale}
                            currency={currency}
                            yes={m.list.yes}
                            no={m.list.no}
                            codes={m.codes}
                          />
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={query.page} pageSize={PAGE_SIZE} total={total} params={kept} />
    </>
  );
}
