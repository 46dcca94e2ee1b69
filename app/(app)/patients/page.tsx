import Link from "next/link";
import { Suspense } from "react";
import { PatientFilters } from "@/components/patients/PatientFilters";
import { PatientTable } from "@/components/patients/PatientTable";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { Pagination } from "@/components/ui/Pagination";
import { messages, titled } from "@/lib/server/locale";
import { PATIENT_SORTS, searchPatients } from "@/lib/patients/queries";
import { patientRecordHref, seesClinicalDetails } from "@/lib/patients/scope";
import { parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { guardPage } from "@/lib/server/guard";
import { can } from "@/lib/server/permissions";

export const generateMetadata = titled((m) => m.titles.patients);

export default async function PatientsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await guardPage("patient.list", "/patients");
  const { actor } = ctx;
  const m = (await messages()).patients;
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  let query;
  try {
    query = parseListQuery(new URLSearchParams(raw), PATIENT_SORTS, "lastName");
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    query = parseListQuery(new URLSearchParams(), PATIENT_SORTS, "lastName");
  }
  // The diagnosis filter only for a role that sees conditions (the API refuses it; a page ignores it).
  const clinical = seesClinicalDetails(actor);
  const condition = (clinical && raw.condition?.trim()) || undefined;
  const { items, total } = await searchPatients(db(), ctx, { ...query, condition });
  const keep = Object.fromEntries(
    Object.entries({ q: query.q, condition, sort: raw.sort }).filter((e): e is [string, string] => !!e[1]),
  );
  const recordHref = patientRecordHref(actor.role);
  return (
    <>
      <PageHeader title={m.title}>
        {can(actor.role, "patient.register") ? (
          <Link href="/patients/new" className={buttonClass("primary")}>
            {m.register}
          </Link>
        ) : null}
      </PageHeader>
      <div className="mb-4">
        <Suspense>
          <PatientFilters
            labels={{
              search: m.search,
              conditionFilter: clinical ? m.conditionFilter : undefined,
              sortBy: m.sortBy,
              sorts: m.sorts,
            }}
          />
        </Suspense>
      </div>
      {items.length === 0 ? <Alert>{m.none}</Alert> : <PatientTable rows={items} recordHref={recordHref} />}
      <Pagination page={query.page} pageSize={query.pageSize} total={total} params={keep} />
    </>
  );
}
