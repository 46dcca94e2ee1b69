import Link from "next/link";
import { notFound } from "next/navigation";
import { DepartmentForm } from "@/components/staff/DepartmentForm";
import { Card, PageHeader } from "@/components/ui/Card";
import { getDepartment } from "@/lib/departments/queries";
import { messages, titled } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { updateDepartmentAction } from "../actions";

export const generateMetadata = titled((m) => m.titles.adminDepartmentsId);

export default async function DepartmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await guardPage("department.manage", `/admin/departments/${id}`);
  const m = (await messages()).staff.departments;
  const d = await getDepartment(db(), id);
  if (!d) notFound();
  return (
    <>
      <PageHeader title={(await messages()).staff.phrases.departmentTitle(d.name)}>
        <Link href="/admin/departments" className="text-sm text-brand-700 hover:underline">
          ← {m.title}
        </Link>
      </PageHeader>
      <Card className="max-w-xl">
        <DepartmentForm
          mode="edit"
          id={d.id}
          initial={{ name: d.name, description: d.description ?? "", active: d.active }}
          action={updateDepartmentAction}
          labels={m}
        />
      </Card>
    </>
  );
}
