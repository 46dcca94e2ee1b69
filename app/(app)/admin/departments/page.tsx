import Link from "next/link";
import { DepartmentForm } from "@/components/staff/DepartmentForm";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Card, PageHeader } from "@/components/ui/Card";
import { Pagination } from "@/components/ui/Pagination";
import { Table, cell } from "@/components/ui/Table";
import { DEPARTMENT_SORTS, listDepartments } from "@/lib/departments/queries";
import { messages, titled } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { pageListQuery, stringParams } from "@/lib/server/page-query";
import { createDepartmentAction } from "./actions";

export const generateMetadata = titled((m) => m.titles.adminDepartments);

export default async function DepartmentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardPage("department.manage", "/admin/departments");
  const m = (await messages()).staff.departments;
  const query = pageListQuery(stringParams(await searchParams), DEPARTMENT_SORTS, "name");
  const { items, total } = await listDepartments(db(), query, { includeInactive: true });
  return (
    <>
      <PageHeader title={m.title} />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div>
          {items.length === 0 ? (
            <Alert>{m.none}</Alert>
          ) : (
            <Table head={[m.name, m.description, m.staff, m.status]}>
              {items.map((d) => (
                <tr key={d.id}>
                  <td className={cell}>
                    <Link href={`/admin/departments/${d.id}`} className="font-medium text-brand-700 hover:underline">
                      {d.name}
                    </Link>
                  </td>
                  <td className={`${cell} text-slate-600`}>{d.description ?? "—"}</td>
                  <td className={`${cell} tabular-nums`}>{d.staffCount}</td>
                  <td className={cell}>
                    {d.active ? <Badge tone="success">{m.active}</Badge> : <Badge tone="danger">{m.inactive}</Badge>}
                  </td>
                </tr>
              ))}
            </Table>
          )}
          <Pagination
            page={query.page}
            pageSize={query.pageSize}
            total={total}
            params={query.q ? { q: query.q } : {}}
          />
        </div>
        <Card title={m.newTitle}>
          <DepartmentForm
            mode="create"
            initial={{ name: "", description: "", active: true }}
            action={createDepartmentAction}
            labels={m}
          />
        </Card>
      </div>
    </>
  );
}
