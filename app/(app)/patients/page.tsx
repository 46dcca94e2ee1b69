import type { Metadata } from "next";
import { PatientSearchForm } from "@/components/patients/PatientSearchForm";
import { PatientTable } from "@/components/patients/PatientTable";
import { Alert } from "@/components/ui/Alert";
import { PageHeader } from "@/components/ui/Card";
import { Pagination } from "@/components/ui/Pagination";
import { messages } from "@/lib/i18n";
import { PATIENT_SORTS, listPatients } from "@/lib/patients/queries";
import { parseListQuery } from "@/lib/server/api";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { guardPage } from "@/lib/server/guard";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await guardPage("patient.list", "/patients");
  const m = messages().patients;
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string"));
  let query;
  try {
    query = parseListQuery(new URLSearchParams(raw), PATIENT_SORTS, "lastName");
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    query = parseListQuery(new URLSearchParams(), PATIENT_SORTS, "lastName");
  }
  const { items, total } = await listPatients(db(), query);
  return (
    <>
      <PageHeader title={m.title} />
      <div className="mb-4 max-w-xl">
        <PatientSearchForm action="/patients" q={query.q} />
      </div>
      {items.length === 0 ? <Alert>{m.none}</Alert> : <PatientTable rows={items} />}
      <Pagination page={query.page} pageSize={query.pageSize} total={total} params={query.q ? { q: query.q } : {}} />
    </>
  );
}
