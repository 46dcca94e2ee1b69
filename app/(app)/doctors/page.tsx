import Link from "next/link";
import { formatMoney } from "@/lib/billing/money";
import type { Locale } from "@/lib/i18n";
import { Alert } from "@/components/ui/Alert";
import { PageHeader } from "@/components/ui/Card";
import { FilterForm } from "@/components/ui/FilterForm";
import { Pagination } from "@/components/ui/Pagination";
import { departmentOptions } from "@/lib/departments/queries";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { guardPage } from "@/lib/server/guard";
import { pageFilters, pageListQuery, stringParams } from "@/lib/server/page-query";
import { DOCTOR_SORTS, listSpecialties, searchDoctors } from "@/lib/staff/queries";
import { ZDoctorFilters } from "@/lib/staff/schemas";

export const generateMetadata = titled((m) => m.titles.doctors);

const fee = (minor: number, locale: Locale) => formatMoney(minor, env().HOSPITAL_CURRENCY, locale);

export default async function DoctorsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardPage("doctor.search", "/doctors");
  const locale = await requestLocale();
  const all = await messages();
  const m = all.staff.doctors;
  const params = stringParams(await searchParams);
  const query = pageListQuery(params, DOCTOR_SORTS, "name");
  const filters = pageFilters(ZDoctorFilters, params, ["specialty", "departmentId", "availableOn"]);
  const [{ items, total }, specialties, departments] = await Promise.all([
    searchDoctors(db(), query, filters),
    listSpecialties(db()),
    departmentOptions(db()),
  ]);
  const kept = Object.fromEntries(
    Object.entries({ q: query.q, ...filters }).filter((e): e is [string, string] => Boolean(e[1])),
  );
  return (
    <>
      <PageHeader title={m.title} />
      <FilterForm
        action="/doctors"
        q={{ label: m.search, value: query.q }}
        selects={[
          {
            name: "specialty",
            label: m.specialty,
            value: filters.specialty,
            options: [["", m.anySpecialty], ...specialties.map((s) => [s, s] as const)],
          },
          {
            name: "departmentId",
            label: m.department,
            value: filters.departmentId,
            options: [["", m.anyDepartment], ...departments.map((d) => [d.id, d.name] as const)],
          },
        ]}
        dates={[{ name: "availableOn", label: all.scheduling.doctor.availableOn, value: filters.availableOn }]}
        submit={all.common.search}
      />
      {specialties.length > 0 ? (
        <nav aria-label={m.specialties} className="mb-4 flex flex-wrap gap-2 text-sm">
          {specialties.map((s) => (
            <Link
              key={s}
              href={`/doctors?${new URLSearchParams({ specialty: s })}`}
              aria-current={filters.specialty === s ? "true" : undefined}
              className={`rounded-full px-3 py-1 ring-1 ${filters.specialty === s ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
            >
              {s}
            </Link>
          ))}
        </nav>
      ) : null}
      {items.length === 0 ? (
        <Alert>{m.none}</Alert>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {items.map((d) => (
            <li key={d.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <p className="font-semibold text-slate-900">
                <Link href={`/doctors/${d.id}`} className="text-brand-700 hover:underline">
                  {d.name}
                </Link>
              </p>
              <p className="text-sm text-brand-700">{d.specialty ?? "—"}</p>
              <dl className="mt-2 space-y-1 text-sm text-slate-600">
                {d.department ? (
                  <div>
                    <dt className="sr-only">{m.department}</dt>
                    <dd>{d.department.name}</dd>
                  </div>
                ) : null}
                {d.qualification ? (
                  <div>
                    <dt className="sr-only">{all.staff.staff.qualification}</dt>
                    <dd>{d.qualification}</dd>
                  </div>
                ) : null}
                {d.yearsOfExperience !== null ? (
                  <div>
                    <dt className="sr-only">{all.staff.staff.yearsOfExperience}</dt>
                    <dd>{m.experience(d.yearsOfExperience)}</dd>
                  </div>
                ) : null}
                {d.consultationFee !== null ? (
                  <div className="flex gap-1">
                    <dt>{m.fee}:</dt>
                    <dd className="tabular-nums">{fee(d.consultationFee, locale)}</dd>
                  </div>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={query.page} pageSize={query.pageSize} total={total} params={kept} />
    </>
  );
}
