import { PrescriptionsCard } from "@/components/prescriptions/PrescriptionsCard";
import { titled } from "@/lib/server/locale";
import { openChartTab } from "@/lib/patients/chart-page";

export const generateMetadata = titled((m) => m.chart.tabs.medications);

/** Medications: the patient's prescriptions (the latest, a link to all, and for doctors Prescribe). */
export default async function ChartMedicationsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { chart } = await openChartTab(id, "medications");
  return (
    <div data-chart-tab="medications">
      <PrescriptionsCard chart={chart} />
    </div>
  );
}
