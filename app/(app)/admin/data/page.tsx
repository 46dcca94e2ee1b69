import Link from "next/link";
import { PageHeader } from "@/components/ui/Card";
import { entityCounts } from "@/lib/databrowser/queries";
import { INTL_TAG } from "@/lib/i18n";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";

export const generateMetadata = titled((m) => m.titles.adminData);

export default async function DataBrowserPage() {
  const ctx = await guardPage("data.browse", "/admin/data");
  const m = (await messages()).databrowser;
  const [counts, locale] = await Promise.all([entityCounts(db(), ctx), requestLocale()]);
  return (
    <>
      <PageHeader title={m.title} />
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{m.intro}</p>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
        {counts.map(({ key, count, estimated }) => (
          <li key={key}>
            <Link
              href={`/admin/data/${key}`}
              className="flex items-baseline justify-between rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm hover:border-brand-300 hover:bg-slate-50"
            >
              <span className="font-medium text-slate-900">{m.entities[key]}</span>
              <span className="text-sm tabular-nums text-slate-500">
                {estimated ? m.estimated(new Intl.NumberFormat(INTL_TAG[locale]).format(count)) : m.records(count)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
