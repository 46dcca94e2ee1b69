import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { FilterForm } from "@/components/ui/FilterForm";
import { Pagination } from "@/components/ui/Pagination";
import { Table, cell } from "@/components/ui/Table";
import { departmentOptions } from "@/lib/departments/queries";
import { messages, titled } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { pageFilters, pageListQuery, stringParams } from "@/lib/server/page-query";
import { STAFF_SORTS, listStaff } from "@/lib/staff/queries";
import { STAFF_ROLES, ZStaffFilters } from "@/lib/staff/schemas";

export const generateMetadata = titled((m) => m.titles.adminStaff);

export default async function StaffPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardPage("staff.manage", "/admin/staff");
  const all = await messages();
  const m = all.staff.staff;
  const params = stringParams(await searchParams);
  const query = pageListQuery(params, STAFF_SORTS, "name");
  const filters = pageFilters(ZStaffFilters, params, ["role", "departmentId"]);
  const [{ items, total }, departments] = await Promise.all([listStaff(db(), query, filters), departmentOptions(db())]);
  const kept = Object.fromEntries(
    Object.entries({ q: query.q, ...filters }).filter((e): e is [string, string] => Boolean(e[1])),
  );
  return (
    <>
      <PageHeader title={m.title}>
        <Link href="/admin/staff/new" className={buttonClass("primary")}>
          {m.add}
        </Link>
      </PageHeader>
      <FilterForm
        action="/admin/staff"
        q={{ label: m.search, value: query.q }}
        selects={[
          {
            name: "role",
            label: m.role,
            value: filters.role,
            options: [["", m.anyRole], ...STAFF_ROLES.map((r) => [r, all.roles[r]] as const)],
          },
          {
            name: "departmentId",
            label: m.department,
            value: filters.departmentId,
            options: [["", m.anyDepartment], ...departments.map((d) => [d.id, d.name] as const)],
          },
        ]}
        submit={all.common.search}
      />
      {items.length === 0 ? (
        <Alert>{m.none}</Alert>
      ) : (
        <Table head={[m.name, m.email, m.role, m.department, m.status]}>
          {items.map((s) => (
            <tr key={s.id}>
              <td className={cell}>
                <Link href={`/admin/staff/${s.id}`} className="font-medium text-brand-700 hover:underline">
                  {s.name}
                </Link>
                {s.specialty ? <span className="block text-xs text-slate-500">{s.specialty}</span> : null}
              </td>
              <td className={cell}>{s.email}</td>
              <td className={cell}>{all.roles[s.role]}</td>
              <td className={cell}>{s.department?.name ?? "—"}</td>
              <td className={cell}>
                {s.active ? <Badge tone="success">{m.active}</Badge> : <Badge tone="danger">{m.inactive}</Badge>}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={query.page} pageSize={query.pageSize} total={total} params={kept} />
    </>
  );
}
