import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountStatusForm } from "@/components/staff/AccountStatusForm";
import { HistoryTable } from "@/components/staff/HistoryTable";
import { StaffForm } from "@/components/staff/StaffForm";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Card, PageHeader } from "@/components/ui/Card";
import { Pagination } from "@/components/ui/Pagination";
import { departmentOptions } from "@/lib/departments/queries";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { toDecimal } from "@/lib/billing/money";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { guardPage } from "@/lib/server/guard";
import { pageListQuery, stringParams } from "@/lib/server/page-query";
import { getStaff, staffHistory } from "@/lib/staff/queries";
import { deactivateStaffAction, reactivateStaffAction, updateStaffAction } from "../actions";

export const generateMetadata = titled((m) => m.titles.adminStaffId);

const HISTORY_SORTS = ["at"] as const;

export default async function StaffMemberPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  await guardPage("staff.manage", `/admin/staff/${id}`);
  const locale = await requestLocale();
  const all = await messages();
  const m = all.staff.staff;
  const sp = stringParams(await searchParams);
  const page = pageListQuery({ page: sp.page ?? "1", pageSize: "20" }, HISTORY_SORTS, "-at");
  const [staff, departments, history] = await Promise.all([
    getStaff(db(), id),
    departmentOptions(db()),
    staffHistory(db(), id, page),
  ]);
  if (!staff) notFound();
  // A deactivated department still shows on the person who belongs to it.
  const choices =
    staff.department && !departments.some((d) => d.id === staff.department!.id)
      ? [...departments, staff.department]
      : departments;
  const initial = {
    name: staff.name,
    email: staff.email,
    role: staff.role,
    departmentId: staff.department?.id ?? "",
    specialty: staff.specialty ?? "",
    qualification: staff.qualification ?? "",
    registrationNumber: staff.registrationNumber ?? "",
    yearsOfExperience: staff.yearsOfExperience?.toString() ?? "",
    consultationFee:
      staff.consultationFee == null ? "" : toDecimal(staff.consultationFee, env().HOSPITAL_CURRENCY, locale),
    password: "",
  };
  return (
    <>
      <PageHeader title={all.staff.phrases.staffTitle(staff.name)}>
        <Link href="/admin/staff" className="text-sm text-brand-700 hover:underline">
          ← {m.title}
        </Link>
      </PageHeader>
      <div className="space-y-6">
        {sp.created && staff.active ? (
          <Alert tone="success">
            {m.created} {staff.hasPassword ? null : m.invited}
          </Alert>
        ) : null}
        <Card title={m.details}>
          <p className="mb-4 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <span>{staff.email}</span>
            {staff.active ? <Badge tone="success">{m.active}</Badge> : <Badge tone="danger">{m.inactive}</Badge>}
          </p>
          <StaffForm
            mode="edit"
            id={staff.id}
            initial={initial}
            departments={choices}
            action={updateStaffAction}
            labels={m}
            roleLabels={all.roles}
            currency={env().HOSPITAL_CURRENCY}
            locale={locale}
          />
        </Card>
        {staff.role === "DOCTOR" ? (
          <Card title={all.scheduling.availability.title}>
            <Link
              href={`/admin/staff/${staff.id}/availability`}
              className="text-sm font-medium text-brand-700 hover:underline"
            >
              {all.scheduling.doctor.manageAvailability} →
            </Link>
          </Card>
        ) : null}
        <Card title={staff.active ? m.deactivate : m.reactivate}>
          <AccountStatusForm
            id={staff.id}
            active={staff.active}
            deactivate={deactivateStaffAction}
            reactivate={reactivateStaffAction}
            labels={m}
          />
        </Card>
        <Card title={m.history}>
          {history.items.length === 0 ? (
            <p className="text-sm text-slate-600">{m.noHistory}</p>
          ) : (
            <HistoryTable rows={history.items} departments={Object.fromEntries(choices.map((d) => [d.id, d.name]))} />
          )}
          <Pagination page={page.page} pageSize={page.pageSize} total={history.total} params={{}} />
        </Card>
      </div>
    </>
  );
}
