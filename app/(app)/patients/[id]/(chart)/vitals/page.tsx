import { VitalsPanel } from "@/components/clinical/ChartCards";
import { News2FlagsForm } from "@/components/clinical/News2FlagsForm";
import { VitalsForm } from "@/components/clinical/VitalsForm";
import { Card } from "@/components/ui/Card";
import { Disclosure } from "@/components/ui/Disclosure";
import { chartClinical } from "@/lib/clinical/queries";
import { messages, titled } from "@/lib/server/locale";
import { openChartTab } from "@/lib/patients/chart-page";
import { db } from "@/lib/server/db";
import { can } from "@/lib/server/permissions";
import { stringParams } from "@/lib/server/page-query";
import { news2FlagsAction, recordVitalsAction, updateVitalsAction, vitalsAddendumAction } from "../../clinical-actions";

export const generateMetadata = titled((m) => m.chart.tabs.vitals);

/** Vitals: the table and trend with NEWS2; recording a set (and the NEWS2 settings) opens on demand. */
export default async function ChartVitalsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  // ?record=1 (the nurse's worklist "Record vitals" link): the form opens at once.
  const recordNow = stringParams(await searchParams).record === "1";
  const { ctx, chart } = await openChartTab(id, "vitals");
  const all = await messages();
  const cm = all.clinical;
  const role = ctx.actor.role;
  const writes = can(role, "vitals.write") && chart.patient.active;
  const clinical = await chartClinical(db(), chart, { consultations: 0, vitals: 30, notes: 0, labs: 0 });
  const flags = can(role, "clinical.write")
    ? { pregnant: chart.patient.pregnant, spo2Scale2: chart.patient.spo2Scale2 }
    : null;
  return (
    <div className="space-y-4" data-chart-tab="vitals">
      {writes ? (
        <Disclosure label={all.chart.panels.recordVitals} open={recordNow}>
          <div className="grid gap-6 lg:grid-cols-3">
            <div className="lg:col-span-2">
              <VitalsForm patientId={id} record={recordVitalsAction} labels={cm.vitals} />
            </div>
            {flags ? (
              <div className="border-slate-100 lg:border-l lg:pl-6">
                <h3 className="mb-2 text-sm font-semibold">{cm.vitals.flags}</h3>
                <News2FlagsForm patientId={id} save={news2FlagsAction} labels={cm.vitals} initial={flags} />
              </div>
            ) : null}
          </div>
        </Disclosure>
      ) : null}
      <Card title={cm.vitals.title}>
        <VitalsPanel
          vitals={clinical.vitals}
          m={cm}
          controls={{
            actorId: ctx.actor.id,
            patientId: id,
            edit: can(role, "vitals.write") ? updateVitalsAction : undefined,
            addendum: can(role, "clinical.addendum") ? vitalsAddendumAction : undefined,
          }}
        />
      </Card>
    </div>
  );
}
