import type { Metadata } from "next";
import Link from "next/link";
import { BedBoard } from "@/components/wards/BedBoard";
import { StateLegend } from "@/components/wards/BedTile";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { FilterForm } from "@/components/ui/FilterForm";
import { departmentOptions } from "@/lib/departments/queries";
import { messages, titled } from "@/lib/i18n/server";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { guardPage } from "@/lib/server/guard";
import { pageFilters, stringParams } from "@/lib/server/page-query";
import { can } from "@/lib/server/permissions";
import { doctorOptions } from "@/lib/staff/queries";
import { bedBoard, freeBeds, listWards } from "@/lib/wards/queries";
import { BED_STATES, BOARD_FILTER_KEYS, ZBoardFilters } from "@/lib/wards/schemas";

export const generateMetadata = titled((m) => m.titles.beds);

export default async function BedBoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await guardPage("ward.read", "/beds");
  const role = ctx.actor.role;
  const m = (await messages()).wards;
  const filters = pageFilters(ZBoardFilters, stringParams(await searchParams), [...BOARD_FILTER_KEYS]);
  const mayAdmit = can(role, "admission.manage");
  const [wards, allWards, departments, doctors, free] = await Promise.all([
    bedBoard(db(), filters),
    listWards(db()),
    departmentOptions(db()),
    mayAdmit ? doctorOptions(db()) : [],
    mayAdmit ? freeBeds(db()) : [],
  ]);
  const shown = wards.filter((w) => w.rooms.length > 0);
  return (
    <>
      <PageHeader title={m.board.title}>
        <div className="flex flex-wrap gap-2">
          {mayAdmit ? <Link href="/admissions" className={buttonClass("secondary")}>{m.admission.listTitle}</Link> : null}
          <Link href="/reports/occupancy" className={buttonClass("secondary")}>{m.nav.occupancy}</Link>
          {can(role, "ward.manage") ? <Link href="/admin/wards" className={buttonClass("secondary")}>{m.nav.wards}</Link> : null}
        </div>
      </PageHeader>
      <FilterForm
        action="/beds"
        selects={[
          { name: "wardId", label: m.board.ward, value: filters.wardId, options: [["", m.board.anyWard], ...allWards.map((w) => [w.id, w.name] as const)] },
          { name: "departmentId", label: m.board.department, value: filters.departmentId, options: [["", m.board.anyDepartment], ...departments.map((d) => [d.id, d.name] as const)] },
          { name: "state", label: m.board.state, value: filters.state, options: [["", m.board.anyState], ...BED_STATES.map((s) => [s, m.states[s]] as const)] },
        ]}
        submit={m.board.filter}
      />
      <div className="mb-4">
        <StateLegend states={m.states} title={m.board.legend} />
      </div>
      {shown.length === 0 ? (
        <Alert>{m.board.none}</Alert>
      ) : (
        <BedBoard
          wards={shown}
          states={m.states}
          labels={m.board}
          triageLabels={(await messages()).triage.box}
          freeBeds={free}
          doctors={doctors}
          departments={departments}
          can={{ admit: mayAdmit, state: can(role, "bed.state") }}
          timeZone={env().HOSPITAL_TIMEZONE}
        />
      )}
    </>
  );
}
