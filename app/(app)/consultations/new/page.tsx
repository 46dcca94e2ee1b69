import { PatientBanner } from "@/components/patients/PatientBanner";
import { bannerFor } from "@/lib/patients/banner";
import { can } from "@/lib/server/permissions";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ConsultationForm } from "@/components/clinical/ConsultationForm";
import { Alert } from "@/components/ui/Alert";
import { Card, PageHeader } from "@/components/ui/Card";
import { consultationTarget, formatStamp, visitsAwaitingConsultation } from "@/lib/clinical/queries";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { guardPage } from "@/lib/server/guard";
import { stringParams } from "@/lib/server/page-query";
import { createConsultationAction } from "../actions";

export const generateMetadata = titled((m) => m.titles.consultationsNew);

/** `?appointmentId=` (the doctor's checked-in or completed appointment) or `?patientId=` (a walk-in). */
export default async function NewConsultationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = stringParams(await searchParams);
  const ctx = await guardPage("clinical.write", "/consultations/new");
  const locale = await requestLocale();
  const m = (await messages()).clinical;
  if (!sp.patientId && !sp.appointmentId) return <AwaitingVisits ctx={ctx} />;
  const t = await consultationTarget(db(), ctx, { patientId: sp.patientId, appointmentId: sp.appointmentId }).catch(
    (err) => {
      if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
      throw err;
    },
  );
  if (t.appointment?.consultationId) redirect(`/consultations/${t.appointment.consultationId}`);
  const name = `${t.patient.firstName} ${t.patient.lastName}`;
  const usable = !t.appointment || t.appointment.status === "COMPLETED" || t.appointment.status === "CHECKED_IN";
  const banner = await bannerFor(db(), ctx, t.patient.id);
  return (
    <>
      <PatientBanner banner={banner} chartLink={can(ctx.actor.role, "patient.chart.read")} />
      <PageHeader title={m.phrases.newConsultationFor(name)}>
        <Link href={`/patients/${t.patient.id}`} className="text-sm text-brand-700 hover:underline">
          ← {m.consultation.back}
        </Link>
      </PageHeader>
      <Card>
        <p className="mb-4 text-sm text-slate-600">
          <span className="font-mono whitespace-nowrap">{t.patient.mrn}</span> ·{" "}
          {t.appointment ? (
            <>
              {m.consultation.fromAppointment}:{" "}
              <Link className="text-brand-700 underline" href={`/appointments/${t.appointment.id}`}>
                {formatStamp(t.appointment.startsAt, locale)}
              </Link>
            </>
          ) : (
            m.consultation.walkIn
          )}
        </p>
        {usable ? (
          <ConsultationForm
            target={t.appointment ? { appointmentId: t.appointment.id } : { patientId: t.patient.id }}
            save={createConsultationAction}
            labels={m.consultation}
          />
        ) : (
          <Alert tone="error">{m.errors.appointmentStatus}</Alert>
        )}
      </Card>
    </>
  );
}

/** Without a patient or appointment: the doctor's visits still waiting for their consultation. */
async function AwaitingVisits({ ctx }: { ctx: Awaited<ReturnType<typeof guardPage>> }) {
  const locale = await requestLocale();
  const m = (await messages()).clinical;
  const visits = await visitsAwaitingConsultation(db(), ctx);
  return (
    <>
      <PageHeader title={m.consultation.new} />
      <Card title={m.consultation.awaiting}>
        <p className="mb-3 text-sm text-slate-600">
          {m.consultation.walkInHint}{" "}
          <Link href="/patients" className="text-brand-700 underline">
            {m.consultation.findPatient}
          </Link>
        </p>
        {visits.length === 0 ? (
          <p className="text-sm text-slate-600">{m.consultation.noneAwaiting}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {visits.map((v) => (
              <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <time dateTime={v.startsAt}>{formatStamp(v.startsAt, locale)}</time> · {v.patient.name}{" "}
                  <span className="font-mono text-xs text-slate-500 whitespace-nowrap">{v.patient.mrn}</span>
                  {v.reason ? <span className="text-slate-600"> · {v.reason}</span> : null}
                </span>
                <Link href={`/consultations/new?appointmentId=${v.id}`} className="text-brand-700 hover:underline">
                  {m.consultation.write}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
