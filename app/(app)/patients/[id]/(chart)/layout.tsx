import Link from "next/link";
import { ExportButton } from "@/components/jobs/ExportButton";
import { ChartTabs } from "@/components/patients/ChartTabs";
import { MergedNotice } from "@/components/patients/MergedNotice";
import { MergeUndoneNotice, UndoMergeButton } from "@/components/patients/MergeButtons";
import { PatientBanner } from "@/components/patients/PatientBanner";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { PrintButton } from "@/components/ui/PrintButton";
import { messages } from "@/lib/server/locale";
import { chartBanner, chartTabsFor, openedChart } from "@/lib/patients/chart-page";
import { survivorOf, undoableMerge } from "@/lib/patients/merge";
import { db } from "@/lib/server/db";
import { formatInstant } from "@/lib/server/format";
import { requestLocale } from "@/lib/server/locale";
import { can } from "@/lib/server/permissions";
import { requestExportAction } from "../../../exports/actions";
import { undoMergeAction } from "../merge/actions";

/** Every tab of the chart: the banner (the patient's name is the page's heading), the chart's actions, the tab bar. */
export default async function ChartLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const { ctx, chart } = await openedChart(id);
  const all = await messages();
  const c = all.patients.chart;
  const role = ctx.actor.role;
  const banner = await chartBanner(id);
  const base = `/patients/${id}`;
  const t = all.merge;
  const mergedInto = chart.patient.mergedIntoId ? await survivorOf(db(), id) : null;
  const undo = can(role, "patient.merge.undo") && chart.patient.active ? await undoableMerge(db(), id) : null;
  const locale = await requestLocale();
  return (
    <div>
      <PatientBanner banner={banner} chartLink heading />
      <div className="mb-4 flex flex-wrap items-center justify-end gap-2 print:hidden">
        {can(role, "audit.read") ? (
          <Link href={`/admin/audit?patientId=${id}`} className={buttonClass("secondary")}>
            {c.auditLink}
          </Link>
        ) : null}
        {can(role, "patient.register") ? (
          <Link href={`/patients/${id}/edit`} className={buttonClass("secondary")}>
            {c.edit}
          </Link>
        ) : null}
        {can(role, "patient.merge") && chart.patient.active ? (
          <Link href={`/patients/${id}/merge`} className={buttonClass("secondary")}>
            {t.open}
          </Link>
        ) : null}
        <PrintButton label={all.chart.banner.print} />
        <ExportButton
          act={requestExportAction}
          patientId={id}
          label={all.jobs.buttons.exportPatient}
          pendingLabel={all.jobs.buttons.exporting}
        />
      </div>
      {mergedInto ? (
        <div className="mb-4">
          <MergedNotice
            text={t.mergedNotice(mergedInto.mrn)}
            link={t.mergedLink(mergedInto.mrn)}
            href={`/patients/${mergedInto.id}`}
          />
        </div>
      ) : null}
      <MergeUndoneNotice text={t.undone} />
      {undo ? (
        <div
          className="mb-4 space-y-2 rounded-md border border-slate-200 bg-white px-4 py-3 text-sm print:hidden"
          data-undo-merge
        >
          <p>{t.undoAvailable(undo.duplicateMrn, formatInstant(undo.mergedAt.toISOString(), locale))}</p>
          <UndoMergeButton
            key={undo.id}
            id={id}
            mergeId={undo.id}
            action={undoMergeAction}
            label={t.undo}
            confirmText={{
              title: t.undoTitle,
              consequence: t.undoText(undo.duplicateMrn),
              confirm: t.undoConfirm,
              cancel: t.back,
            }}
          />
        </div>
      ) : null}
      {!chart.patient.active && !mergedInto ? (
        <div className="mb-4">
          <Alert tone="error">{c.deactivated(chart.patient.deactivationReason ?? "")}</Alert>
        </div>
      ) : null}
      <ChartTabs
        base={base}
        label={all.chart.tabs.label}
        tabs={chartTabsFor(role).map((t) => ({ href: `${base}${t.path}`, label: all.chart.tabs[t.key] }))}
      />
      {children}
    </div>
  );
}
