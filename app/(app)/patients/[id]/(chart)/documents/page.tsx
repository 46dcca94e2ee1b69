import QRCode from "qrcode";
import { DocumentList } from "@/components/documents/DocumentList";
import { DocumentUploadForm } from "@/components/documents/DocumentUploadForm";
import { Card } from "@/components/ui/Card";
import { Disclosure } from "@/components/ui/Disclosure";
import { Pagination } from "@/components/ui/Pagination";
import { documentLinkTargets, listDocuments, type DocumentSort } from "@/lib/documents/queries";
import { documentMaxBytes } from "@/lib/documents/service";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { openChartTab } from "@/lib/patients/chart-page";
import { today } from "@/lib/scheduling/time";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { formatDate } from "@/lib/server/format";
import { pageListQuery, stringParams } from "@/lib/server/page-query";
import { can } from "@/lib/server/permissions";
import { formatBytes } from "../../../../../../scripts/body-limit.mjs";

export const generateMetadata = titled((m) => m.chart.tabs.documents);

/** Documents & QR: the chart's documents (attach one, open one) and the wristband code. */
export default async function ChartDocumentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const sp = stringParams(await searchParams);
  const { ctx, chart } = await openChartTab(id, "documents");
  const all = await messages();
  const locale = await requestLocale();
  const c = all.patients.chart;
  const m = all.documents;
  const role = ctx.actor.role;
  const query = pageListQuery<DocumentSort>(sp, ["documentDate", "createdAt", "title"], "-documentDate");
  // The chart's opening (openChartTab) wrote this page's one audit row.
  const { items, total } = can(role, "document.read")
    ? await listDocuments(db(), chart, query)
    : { items: [], total: 0 };
  const uploads = can(role, "document.upload");
  const targets = uploads ? await documentLinkTargets(db(), chart) : null;
  const qrSvg = await QRCode.toString(`${env().NEXTAUTH_URL ?? "http://localhost:3000"}/p/${chart.patient.qrToken}`, {
    type: "svg",
    margin: 1,
    width: 132,
  });
  return (
    <div className="space-y-4" data-chart-tab="documents">
      {targets ? (
        <Disclosure label={m.upload}>
          <DocumentUploadForm
            patientId={id}
            maxBytes={documentMaxBytes()}
            maxLabel={formatBytes(documentMaxBytes())}
            today={today(env().HOSPITAL_TIMEZONE)}
            consultations={targets.consultations.map((x) => ({
              id: x.id,
              label: m.consultationOption(formatDate(x.date, locale), x.doctor),
            }))}
            admissions={targets.admissions.map((x) => ({
              id: x.id,
              label: m.admissionOption(formatDate(x.date, locale), x.department),
            }))}
          />
        </Disclosure>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={m.title} className="lg:col-span-2">
          {items.length ? (
            <DocumentList items={items} m={m} locale={locale} staff />
          ) : (
            <p className="text-sm text-slate-600">{m.none}</p>
          )}
          {total > query.pageSize ? (
            <Pagination page={query.page} pageSize={query.pageSize} total={total} params={sp} label={m.title} />
          ) : null}
        </Card>
        <Card title={c.qr}>
          <div className="flex items-center gap-4">
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: an SVG the qrcode library drew from our own URL */}
            <div aria-label={c.qr} role="img" className="shrink-0" dangerouslySetInnerHTML={{ __html: qrSvg }} />
            <p className="text-xs text-slate-600">{c.qrHint}</p>
          </div>
        </Card>
      </div>
    </div>
  );
}
