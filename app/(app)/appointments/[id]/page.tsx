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
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { getAppointment, slotsForDays } from "@/lib/scheduling/queries";
import { TRANSITIONS } from "@/lib/scheduling/service";
import { checkInOpens, checkInTiming, formatWhen, formatTime, isoInZone, today } from "@/lib/scheduling/time";
import { clock } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/errors";
import { guardPage } from "@/lib/server/guard";
import { can } from "@/lib/server/permissions";
import { stringParams } from "@/lib/server/page-query";
import { notFound } from "next/navigation";
import { pendingLinkFor } from "@/lib/patients/link-requests";
import { changeAppointmentAction } from "@/lib/scheduling/actions";

export const generateMetadata = titled((m) => m.titles.appointmentsId);

export default async function AppointmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
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
  // The service refuses a check-in outside the visit's day and window, and a completion or a no-show before it starts (TOO_EARLY/TOO_LATE): offer none of them then.
  const { HOSPITAL_TIMEZONE: zone, CHECKIN_WINDOW_MINUTES: window } = env();
  const startsAt = new Date(a.startsAt);
  const timing = checkInTiming(startsAt, clock.now(), zone, window);
  const started = clock.now() >= startsAt;
  const books = can(role, "appointment.book");
  const staff = books && role !== "PATIENT";
  const allowed = {
    reschedule: books && a.status === "BOOKED",
    cancel: books && next.includes("CANCELLED"),
    checkIn: staff && next.includes("CHECKED_IN") && timing === "ok",
    complete: staff && next.includes("COMPLETED") && started,
    noShow: staff && next.includes("NO_SHOW") && started,
  };
  // The doctor's own checked-in or completed visit: write its consultation (one per appointment).
  const consults =
    can(role, "clinical.write") &&
    a.doctor.id === ctx.actor.id &&
    (a.status === "COMPLETED" || a.status === "CHECKED_IN");
  const consultationId = consults ? await consultationIdForAppointment(db(), a.id) : null;
  const slots = allowed.reschedule ? await slotsForDays(db(), a.doctor.id, today(env().HOSPITAL_TIMEZONE), 7) : [];
  const rows: [string, React.ReactNode][] = [
    [
      m.detail.when,
      <time key="t" dateTime={a.startsAt}>
        {formatWhen(a.startsAt, locale)}–{formatTime(a.endsAt)}
      </time>,
    ],
    [
      m.detail.patient,
      <span key="p">
        {a.patient.name} <span className="font-mono text-xs text-slate-500 whitespace-nowrap">{a.patient.mrn}</span>
        {can(role, "patient.chart.read") ? (
          <>
            {" "}
            ·{" "}
            <Link href={`/patients/${a.patient.id}`} className="text-brand-700 hover:underline">
              {m.detail.chart}
            </Link>
          </>
        ) : null}
      </span>,
    ],
    [
      m.detail.doctor,
      <Link key="d" href={`/doctors/${a.doctor.id}`} className="text-brand-700 hover:underline">
        {a.doctor.name}
        {a.doctor.specialty ? ` (${a.doctor.specialty})` : ""}
      </Link>,
    ],
    [m.detail.status, <StatusBadge key="s" status={a.status} />],
    [m.detail.reason, a.reason ?? "—"],
    ...(a.cancelReason ? [[m.detail.cancelReason, a.cancelReason] as [string, string]] : []),
  ];
  const banner = await bannerFor(db(), ctx, a.patient.id);
  // At the desk: this person registered online and the account waits for a link to this record.
  const waitingLink =
    can(role, "patient.duplicates") && (a.status === "BOOKED" || a.status === "CHECKED_IN")
      ? await pendingLinkFor(db(), a.patient.id)
      : null;
  const dm = (await messages()).duplicates.links;
  return (
    <>
      <PatientBanner banner={banner} chartLink={can(ctx.actor.role, "patient.chart.read")} />
      <PageHeader title={m.phrases.appointmentWith(a.doctor.name)}>
        {consults ? (
          <Link
            href={consultationId ? `/consultations/${consultationId}` : `/consultations/new?appointmentId=${a.id}`}
            className={buttonClass(consultationId ? "secondary" : "primary")}
          >
            {consultationId
              ? (await messages()).clinical.consultation.open
              : (await messages()).clinical.consultation.write}
          </Link>
        ) : null}
        <Link href="/appointments" className="text-sm text-brand-700 hover:underline">
          ← {m.detail.back}
        </Link>
      </PageHeader>
      <div className="space-y-6">
        {/* The "booked" banner only while it is still true (not above a cancelled status). */}
        {sp.created && a.status === "BOOKED" ? <Alert tone="success">{m.detail.created}</Alert> : null}
        {waitingLink ? (
          <Alert>
            {dm.checkIn}{" "}
            <Link href="/patients/duplicates" className="font-medium text-brand-700 hover:underline">
              {dm.open} →
            </Link>
          </Alert>
        ) : null}
        {staff && a.status === "BOOKED" && timing === "early" ? (
          <Alert>
            {m.phrases.checkInOpens(formatWhen(isoInZone(checkInOpens(startsAt, zone, window), zone), locale))}
          </Alert>
        ) : null}
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
            <AppointmentActions
              id={a.id}
              allowed={allowed}
              slots={slots}
              act={changeAppointmentAction}
              labels={{ ...m.detail, free: m.booking.free, taken: m.booking.taken, noSlots: m.doctor.noSlots }}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
