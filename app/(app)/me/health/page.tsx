import { ConsultationList, LabList, VitalsPanel } from "@/components/clinical/ChartCards";
import { ExportButton } from "@/components/jobs/ExportButton";
import { NoOwnRecord } from "@/components/patients/NoOwnRecord";
import { PatientBanner } from "@/components/patients/PatientBanner";
import { Card } from "@/components/ui/Card";
import { DocumentList } from "@/components/documents/DocumentList";
import { chartClinical } from "@/lib/clinical/queries";
import { listDocuments } from "@/lib/documents/queries";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { patientBanner } from "@/lib/patients/banner";
import { openChart } from "@/lib/patients/chart";
import { ownPatientRecord } from "@/lib/patients/queries";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { requestExportAction } from "../../exports/actions";

export const generateMetadata = titled((m) => m.titles.meHealth);

/** A patient's own signed consultations, vitals and lab results (one audited read). */
export default async function MyHealthPage() {
  const ctx = await guardPage("patient.self", "/me/health");
  const m = await messages();
  const cm = m.clinical;
  const own = await ownPatientRecord(db(), ctx.actor.id);
  if (!own) return <NoOwnRecord userId={ctx.actor.id} fallback={cm.health.noRecord} />;
  const chart = await openChart(db(), ctx, own.id, { need: "clinical.read" });
  const [banner, clinical] = await Promise.all([
    patientBanner(db(), chart),
    chartClinical(db(), chart, { consultations: 20, vitals: 30, notes: 0, labs: 30 }),
  ]);
  // Only the documents staff shared with the patient (lib/documents/queries.ts scopes it), the 50 latest.
  const documents = await listDocuments(db(), chart, {
    q: "",
    page: 1,
    pageSize: 50,
    skip: 0,
    take: 50,
    sort: { field: "documentDate", dir: "desc" },
  });
  const locale = await requestLocale();
  return (
    <div className="space-y-6">
      <PatientBanner banner={banner} chartLink={false} heading own />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p className="text-sm text-slate-600">{cm.health.intro}</p>
        <ExportButton
          act={requestExportAction}
          label={m.jobs.buttons.exportMine}
          pendingLabel={m.jobs.buttons.exporting}
        />
      </div>
      <Card title={cm.chart.consultations}>
        <ConsultationList items={clinical.consultations} m={cm} />
      </Card>
      <Card title={cm.vitals.title}>
        <VitalsPanel vitals={clinical.vitals} m={cm} />
      </Card>
      <Card title={cm.lab.title}>
        <LabList labs={clinical.labs} m={cm} />
      </Card>
      <Card title={m.documents.title}>
        {documents.items.length ? (
          <DocumentList items={documents.items} m={m.documents} locale={locale} staff={false} />
        ) : (
          <p className="text-sm text-slate-600">{m.documents.noneShared}</p>
        )}
      </Card>
    </div>
  );
}
