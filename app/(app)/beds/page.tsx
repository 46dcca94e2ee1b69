import Link from "next/link";
import { BedBoard } from "@/components/wards/BedBoard";
import { StateLegend } from "@/components/wards/BedTile";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { FilterForm } from "@/components/ui/FilterForm";
import { Pagination } from "@/components/ui/Pagination";
import { departmentOptions } from "@/lib/departments/queries";
import { messages, titled } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { guardPage } from "@/lib/server/guard";
import { pageFilters, pageListQuery, stringParams } from "@/lib/server/page-query";
import { can } from "@/lib/server/permissions";
import { doctorOptions } from "@/lib/staff/queries";
import { BOARD_WARDS_PER_PAGE, bedBoard, wardOptions } from "@/lib/wards/queries";
import { BED_STATES, BOARD_FILTER_KEYS, ZBoardFilters } from "@/lib/wards/schemas";

export const generateMetadata = titled((m) => m.titles.beds);

export default async function BedBoardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await guardPage("ward.read", "/beds");
  const role = ctx.actor.role;
  const all = await messages();
  const m = all.wards;
  const params = stringParams(await searchParams);
  const filters = pageFilters(ZBoardFilters, params, [...BOARD_FILTER_KEYS]);
  // A few wards per page (the page size is the board's, not the URL's).
  const { page } = pageListQuery(params, ["name"], "name");
  const mayAdmit = can(role, "admission.manage");
  const [board, wards, departments, doctors] = await Promise.all([
    bedBoard(db(), filters, { skip: (page - 1) * BOARD_WARDS_PER_PAGE, take: BOARD_WARDS_PER_PAGE }),
    wardOptions(db()),
    departmentOptions(db()),
    mayAdmit ? doctorOptions(db()) : [],
  ]);
  const kept = Object.fromEntries(
    Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  return (
    <>
      <PageHeader title={m.board.title}>
        <div className="flex flex-wrap gap-2">
          {mayAdmit ? (
            <Link href="/admissions" className={buttonClass("secondary")}>
              {m.admission.listTitle}
            </Link>
          ) : null}
          <Link href="/reports/occupancy" className={buttonClass("secondary")}>
            {m.nav.occupancy}
          </Link>
          {can(role, "ward.manage") ? (
            <Link href="/admin/wards" className={buttonClass("secondary")}>
              {m.nav.wards}
            </Link>
          ) : null}
        </div>
      </PageHeader>
      <FilterForm
        action="/beds"
        selects={[
          {
            name: "wardId",
            label: m.board.ward,
            value: filters.wardId,
            options: [["", m.board.anyWard], ...wards.map((w) => [w.id, w.name] as const)],
          },
          {
            name: "departmentId",
            label: m.board.department,
            value: filters.departmentId,
            options: [["", m.board.anyDepartment], ...departments.map((d) => [d.id, d.name] as const)],
          },
          {
            name: "state",
            label: m.board.state,
            value: filters.state,
            options: [["", m.board.anyState], ...BED_STATES.map((s) => [s, m.states[s]] as const)],
          },
        ]}
        submit={m.board.filter}
      />
      <div className="mb-4">
        <StateLegend states={m.states} title={m.board.legend} />
      </div>
      {board.items.length === 0 ? (
        <Alert>{m.board.none}</Alert>
      ) : (
        <BedBoard
          wards={board.items}
          states={m.states}
          labels={m.board}
          triageLabels={all.triage.box}
          allergyLabels={{
            allergies: all.chart.banner.allergies,
            noAllergies: all.chart.banner.noAllergies,
            severe: all.chart.banner.severe,
            severities: all.patients.form.severities,
          }}
          wardOptions={wards}
          doctors={doctors}
          departments={departments}
          can={{ admit: mayAdmit, state: can(role, "bed.state") }}
          timeZone={env().HOSPITAL_TIMEZONE}
        />
      )}
      <Pagination page={page} pageSize={BOARD_WARDS_PER_PAGE} total={board.total} params={kept} />
    </>
  );
}
