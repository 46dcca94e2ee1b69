import Link from "next/link";
import { ConsultationList, NoteList, TimelineList } from "@/components/clinical/ChartCards";
import { NurseNoteForm } from "@/components/clinical/NurseNoteForm";
import { buttonClass } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Disclosure } from "@/components/ui/Disclosure";
import { chartClinical, currentShift, timeline } from "@/lib/clinical/queries";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { openChartTab } from "@/lib/patients/chart-page";
import { db } from "@/lib/server/db";
import { stringParams } from "@/lib/server/page-query";
import { can } from "@/lib/server/permissions";
import { addNurseNoteAction, nurseNoteAddendumAction, updateNurseNoteAction } from "../../clinical-actions";

const TIMELINE_PAGE = 25;

export const generateMetadata = titled((m) => m.chart.tabs.visits);

/** Visits & notes: consultations (doctors start one here), nurse notes (added on demand) and the timeline of visits. */
export default async function ChartVisitsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const tlPage = Math.max(1, Math.min(10_000, Number(stringParams(await searchParams).tl) || 1));
  const { ctx, chart } = await openChartTab(id, "visits");
  const all = await messages();
  const cm = all.clinical;
  const role = ctx.actor.role;
  const active = chart.patient.active;
  const [clinical, history] = await Promise.all([
    chartClinical(db(), chart, { consultations: 20, vitals: 0, notes: 20, labs: 0 }),
    timeline(db(), chart, { page: tlPage, pageSize: TIMELINE_PAGE }, await requestLocale()),
  ]);
  return (
    <div className="grid items-start gap-6 lg:grid-cols-3" data-chart-tab="visits">
      <Card title={cm.chart.consultations} className="lg:col-span-2">
        {can(role, "clinical.write") && active ? (
          <div className="mb-3 flex justify-end print:hidden">
            <Link href={`/consultations/new?patientId=${id}`} className={buttonClass("primary")}>
              {cm.consultation.new}
            </Link>
          </div>
        ) : null}
        <ConsultationList items={clinical.consultations} m={cm} />
      </Card>
      <div className="space-y-4">
        {can(role, "vitals.write") && active ? (
          <Disclosure label={all.chart.panels.addNote}>
            <NurseNoteForm patientId={id} add={addNurseNoteAction} labels={cm.notes} defaultShift={currentShift()} />
          </Disclosure>
        ) : null}
        <Card title={cm.notes.title}>
          <NoteList
            notes={clinical.notes}
            m={cm}
            controls={{
              actorId: ctx.actor.id,
              patientId: id,
              shift: currentShift(),
              edit: can(role, "vitals.write") ? updateNurseNoteAction : undefined,
              addendum: can(role, "clinical.addendum") ? nurseNoteAddendumAction : undefined,
            }}
          />
        </Card>
      </div>
      <Card title={all.patients.chart.timeline} className="lg:col-span-3">
        <TimelineList
          events={history.items}
          page={history.page}
          pages={Math.ceil(history.total / TIMELINE_PAGE)}
          hrefFor={(n) => `/patients/${id}/visits?tl=${n}`}
          m={cm}
        />
      </Card>
    </div>
  );
}
