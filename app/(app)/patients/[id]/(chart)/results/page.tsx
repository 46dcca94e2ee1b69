import { LabList } from "@/components/clinical/ChartCards";
import { LabOrderForm } from "@/components/clinical/LabOrderForm";
import { Card } from "@/components/ui/Card";
import { Disclosure } from "@/components/ui/Disclosure";
import { chartClinical, labCatalogue } from "@/lib/clinical/queries";
import { messages, titled } from "@/lib/server/locale";
import { openChartTab } from "@/lib/patients/chart-page";
import { db } from "@/lib/server/db";
import { can } from "@/lib/server/permissions";
import { amendLabResultAction, orderLabTestsAction } from "../../../../lab/actions";

export const generateMetadata = titled((m) => m.chart.tabs.results);

/** Results: lab orders and results; ordering tests (doctors) opens on demand. */
export default async function ChartResultsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx, chart } = await openChartTab(id, "results");
  const all = await messages();
  const cm = all.clinical;
  const [clinical, tests] = await Promise.all([
    chartClinical(db(), chart, { consultations: 0, vitals: 0, notes: 0, labs: 50 }),
    can(ctx.actor.role, "clinical.write") && chart.patient.active ? labCatalogue(db()) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-4" data-chart-tab="results">
      {tests.length ? (
        <Disclosure label={all.chart.panels.orderLab}>
          <LabOrderForm patientId={id} tests={tests} order={orderLabTestsAction} labels={cm.lab} />
        </Disclosure>
      ) : null}
      <Card title={cm.lab.title}>
        <LabList
          labs={clinical.labs}
          m={cm}
          amend={can(ctx.actor.role, "lab.result") && chart.patient.active ? amendLabResultAction : undefined}
        />
      </Card>
    </div>
  );
}
