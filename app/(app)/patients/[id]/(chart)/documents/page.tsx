import QRCode from "qrcode";
import { Card } from "@/components/ui/Card";
import { messages, titled } from "@/lib/i18n/server";
import { openChartTab } from "@/lib/patients/chart-page";
import { env } from "@/lib/server/env";

export const generateMetadata = titled((m) => m.chart.tabs.documents);

/** Documents & QR: the wristband code (the treatment-history export is in the chart's actions above). */
export default async function ChartDocumentsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { chart } = await openChartTab(id, "documents");
  const c = (await messages()).patients.chart;
  const qrSvg = await QRCode.toString(`${env().NEXTAUTH_URL ?? "http://localhost:3000"}/p/${chart.patient.qrToken}`, { type: "svg", margin: 1, width: 132 });
  return (
    <div className="grid gap-6 lg:grid-cols-3" data-chart-tab="documents">
      <Card title={c.qr}>
        <div className="flex items-center gap-4">
          <div aria-label={c.qr} role="img" className="shrink-0" dangerouslySetInnerHTML={{ __html: qrSvg }} />
          <p className="text-xs text-slate-600">{c.qrHint}</p>
        </div>
      </Card>
    </div>
  );
}
