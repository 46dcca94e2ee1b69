import Link from "next/link";
import { AppointmentTable } from "@/components/scheduling/AppointmentTable";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { PrintButton } from "@/components/ui/PrintButton";
import { FilterForm } from "@/components/ui/FilterForm";
import { Pagination } from "@/components/ui/Pagination";
import { departmentOptions } from "@/lib/departments/queries";
import { messages, titled } from "@/lib/server/locale";
import { listAppointments, localRange } from "@/lib/scheduling/queries";
import { APPOINTMENT_FILTER_KEYS, STATUSES, ZAppointmentFilters } from "@/lib/scheduling/schemas";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { pageFilters, pageListQuery, stringParams } from "@/lib/server/page-query";
import { doctorOptions } from "@/lib/staff/queries";

export const generateMetadata = titled((m) => m.titles.appointments);

export default async function AppointmentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await guardPage("appointment.read", "/appointments");
  const role = ctx.actor.role;
  const m = (await messages()).scheduling;
  const params = stringParams(await searchParams);
  const query = pageListQuery(params, ["startsAt"], "-startsAt");
  const filters = pageFilters(
    ZAppointmentFilters,
    params,
    APPOINTMENT_FILTER_KEYS.filter((k) => k !== "patientId"),
  );
  // Patients and doctors see only their own: a doctor filter means nothing to them.
  const seesAll = role !== "PATIENT" && role !== "DOCTOR";
  const [{ items, total }, doctors, departments] = await Promise.all([
    listAppointments(
      db(),
      ctx,
      { ...filters, ...localRange(filters) },
      { skip: query.skip, take: query.take, desc: query.sort.dir === "desc" },
    ),
    seesAll ? doctorOptions(db()) : [],
    role === "ADMIN" ? departmentOptions(db()) : [],
  ]);
  const kept = Object.fromEntries(
    Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  return (
    <>
      <PageHeader title={m.list.title}>
        {/* The visit list prints (the filters, paging and this bar do not). */}
        <div className="flex flex-wrap gap-2 print:hidden">
          <PrintButton label={(await messages()).chart.banner.print} />
          <Link href="/doctors" className={buttonClass("primary")}>
            {m.list.book}
          </Link>
        </div>
      </PageHeader>
      <FilterForm
        action="/appointments"
        selects={[
          {
            name: "status",
            label: m.list.status,
            value: filters.status,
            options: [["", m.list.anyStatus], ...STATUSES.map((s) => [s, m.statuses[s]] as const)],
          },
          ...(seesAll
            ? [
                {
                  name: "doctorId",
                  label: m.list.doctor,
                  value: filters.doctorId,
                  options: [["", m.list.anyDoctor] as const, ...doctors.map((d) => [d.id, d.name] as const)],
                },
              ]
            : []),
          ...(role === "ADMIN"
            ? [
                {
                  name: "departmentId",
                  label: m.list.department,
                  value: filters.departmentId,
                  options: [["", m.list.anyDepartment] as const, ...departments.map((d) => [d.id, d.name] as const)],
                },
              ]
            : []),
        ]}
        dates={[
          { name: "from", label: m.list.from, value: filters.from },
          { name: "to", label: m.list.to, value: filters.to },
        ]}
        submit={m.list.filter}
      />
      {items.length === 0 ? (
        <Alert>{m.list.none}</Alert>
      ) : (
        <AppointmentTable rows={items} showPatient={role !== "PATIENT"} showDoctor={role !== "DOCTOR"} />
      )}
      <Pagination page={query.page} pageSize={query.pageSize} total={total} params={kept} />
    </>
  );
}
