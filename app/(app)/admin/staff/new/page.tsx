import { EMPTY_STAFF, StaffForm } from "@/components/staff/StaffForm";
import { Card, PageHeader } from "@/components/ui/Card";
import { departmentOptions } from "@/lib/departments/queries";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { guardPage } from "@/lib/server/guard";
import { createStaffAction } from "../actions";

export const generateMetadata = titled((m) => m.titles.adminStaffNew);

export default async function NewStaffPage() {
  await guardPage("staff.manage", "/admin/staff/new");
  const m = await messages();
  return (
    <>
      <PageHeader title={m.staff.staff.newTitle} />
      <Card className="max-w-3xl">
        <StaffForm
          mode="create"
          initial={EMPTY_STAFF}
          departments={await departmentOptions(db())}
          action={createStaffAction}
          labels={m.staff.staff}
          roleLabels={m.roles}
          currency={env().HOSPITAL_CURRENCY}
          locale={await requestLocale()}
        />
      </Card>
    </>
  );
}
