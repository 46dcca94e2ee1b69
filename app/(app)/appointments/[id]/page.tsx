import type { Metadata } from "next";
import { PatientBanner } from "@/components/patients/PatientBanner";
import { bannerFor } from "@/lib/patients/banner";
import Link from "next/link";
import { AppointmentActions } from "@/components/scheduling/AppointmentActions";
import { AppointmentHistory } from "@/components/scheduling/AppointmentHistory";
import { StatusBadge } from "@/components/scheduling/StatusBadge";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { consultationIdForAppointment } from "@/lib/clinical/queries";
import { Card, PageHeader } from "@/components/ui/Card";
import { DefinitionList } from "@/components/ui/DefinitionList";
import { messages, requestLocale, titled } from "@/lib/i18n/server";
import { getAppointment, slotsForDays } from "@/lib/scheduling/queries";
import { TRANSITIONS } from "@/lib/scheduling/service";
import { formatWhen, formatTime, today } from "@/lib/scheduling/time";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/errors";
import { guardPage } from "@/lib/server/guard";
import { can } from "@/lib/server/permissions";
import { stringParams } from "@/lib/server/page-query";
import { notFound } from "next/navigation";
import { changeAppointmentAction } from "../actions";

export const generateMetadata = titled((m) => m.titles.appointmentsId);

export default async function AppointmentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const ctx = await guardPage("appointment.read", `/appointments/${id}`);
  const role = ctx.actor.role;
  const locale = await requestLocale();
  const m = (await messages()).scheduling;
  const sp = stringParams(await searchParams);
  const a = await getAppointment(db(), ctx, id).catch((err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const next = TRANSITIONS[a.status];
  const books = can(role, "appointment.book");
  const staff = books && role !== "PATIENT";
  const allowed = {
    reschedule: books && a.status === "BOOKED",
    cancel: books && next.includes("CANCELLED"),
    checkIn: staff && next.includes("CHECKED_IN"),
    complete: staff && next.includes("COMPLETED"),
    noShow: staff && next.includes("NO_SHOW"),
  };
  // The doctor's own checked-in or completed visit: write its consultation (one per appointment).
  const consults = can(role, "clinical.write") && a.doctor.id === ctx.actor.id && (a.status === "COMPLETED" || a.status === "CHECKED_IN");
  const consultationId = consults ? await consultationIdForAppointment(db(), a.id) : null;
  const slots = allowed.reschedule ? await slotsForDays(db(), a.doctor.id, today(env().HOSPITAL_TIMEZONE), 7) : [];
  const rows: [string, React.ReactNode][] = [
    [m.detail.when, <time key="t" dateTime={a.startsAt}>{formatWhen(a.startsAt, locale)}–{formatTime(a.endsAt)}</time>],
    [m.detail.patient, <span key="p">{a.patient.name} <span className="font-mono text-xs text-slate-500 whitespace-nowrap">{a.patient.mrn}</span>{can(role, "patient.chart.read") ? <> · <Link href={`/patients/${a.patient.id}`} className="text-brand-700 hover:underline">{m.detail.chart}</Link></> : null}</span>],
    [m.detail.doctor, <Link key="d" href={`/doctors/${a.doctor.id}`} className="text-brand-700 hover:underline">{a.doctor.name}{a.doctor.specialty ? ` (${a.doctor.specialty})` : ""}</Link>],
    [m.detail.status, <StatusBadge key="s" status={a.status} />],
    [m.detail.reason, a.reason ?? "—"],
    ...(a.cancelReason ? [[m.detail.cancelReason, a.cancelReason] as [string, string]] : []),
  ];
  const banner = await bannerFor(db(), ctx, a.patient.id);
  return (
    <>
      <PatientBanner banner={banner} chartLink={can(ctx.actor.role, "patient.chart.read")} />
      <PageHeader title={m.phrases.appointmentWith(a.doctor.name)}>
        {consults ? (
          <Link href={consultationId ? `/consultations/${consultationId}` : `/consultations/new?appointmentId=${a.id}`} className={buttonClass(consultationId ? "secondary" : "primary")}>
            {consultationId ? (await messages()).clinical.consultation.open : (await messages()).clinical.consultation.write}
          </Link>
        ) : null}
        <Link href="/appointments" className="text-sm text-brand-700 hover:underline">← {m.detail.back}</Link>
      </PageHeader>
      <div className="space-y-6">
        {sp.created ? <Alert tone="success">{m.detail.created}</Alert> : null}
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={m.detail.title}>
            <DefinitionList rows={rows} />
          </Card>
          <Card title={m.detail.history}>
            <AppointmentHistory events={a.history} />
          </Card>
        </div>
        {books ? (
          <Card title={m.detail.actions}>
            <AppointmentActions id={a.id} allowed={allowed} slots={slots} act={changeAppointmentAction} labels={{ ...m.detail, free: m.booking.free, taken: m.booking.taken, noSlots: m.doctor.noSlots }} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
