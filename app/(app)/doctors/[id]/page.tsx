import Link from "next/link";
import { formatMoney } from "@/lib/billing/money";
import type { Locale } from "@/lib/i18n";
import { notFound } from "next/navigation";
import { BookingPanel } from "@/components/scheduling/BookingPanel";
import { SlotPicker } from "@/components/scheduling/SlotPicker";
import { Alert } from "@/components/ui/Alert";
import { Card, PageHeader } from "@/components/ui/Card";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { bookablePatient, slotsForDays } from "@/lib/scheduling/queries";
import { today } from "@/lib/scheduling/time";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { guardPage } from "@/lib/server/guard";
import { can } from "@/lib/server/permissions";
import { stringParams } from "@/lib/server/page-query";
import { getDoctor } from "@/lib/staff/queries";
import { bookAppointmentAction, findPatientsAction } from "@/lib/scheduling/actions";

export const generateMetadata = titled((m) => m.titles.doctorsId);

const fee = (minor: number, locale: Locale) => formatMoney(minor, env().HOSPITAL_CURRENCY, locale);

export default async function DoctorPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const { actor } = await guardPage("doctor.search", `/doctors/${id}`);
  const locale = await requestLocale();
  const m = (await messages()).scheduling;
  const sp = stringParams(await searchParams);
  const canBook = can(actor.role, "appointment.book");
  const forSelf = actor.role === "PATIENT";
  const [doctor, days, patient] = await Promise.all([
    getDoctor(db(), id),
    slotsForDays(db(), id, today(env().HOSPITAL_TIMEZONE), 7),
    canBook && !forSelf && sp.patientId ? bookablePatient(db(), sp.patientId) : null,
  ]);
  if (!doctor) notFound();
  const published = days.some((d) => d.slots.length > 0);
  const rows: [string, string | null][] = [
    [m.doctor.specialty, doctor.specialty],
    [m.doctor.department, doctor.department?.name ?? null],
    [m.doctor.qualification, doctor.qualification],
    [m.doctor.fee, doctor.consultationFee !== null ? fee(doctor.consultationFee, locale) : null],
  ];
  return (
    <>
      <PageHeader title={m.phrases.doctorTitle(doctor.name)}>
        <Link href="/doctors" className="text-sm text-brand-700 hover:underline">
          ← {m.doctor.back}
        </Link>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <Card title={m.doctor.profile} className="self-start">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {rows
              .filter((r) => r[1] !== null)
              .map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-slate-600">{label}</dt>
                  <dd className="font-medium text-slate-900">{value}</dd>
                </div>
              ))}
          </dl>
          {can(actor.role, "availability.own") && actor.id === doctor.id ? (
            <Link href="/availability" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
              {m.doctor.manageAvailability} →
            </Link>
          ) : null}
        </Card>
        <Card title={m.doctor.slotsTitle}>
          {!published ? (
            <Alert>{m.doctor.noAvailability}</Alert>
          ) : canBook ? (
            <BookingPanel
              doctorId={doctor.id}
              days={days}
              forSelf={forSelf}
              initialPatient={patient}
              book={bookAppointmentAction}
              find={findPatientsAction}
              labels={{ ...m.booking, noSlots: m.doctor.noSlots }}
            />
          ) : (
            <SlotPicker
              days={days}
              labels={{ free: m.booking.legendFree, taken: m.booking.legendTaken, noSlots: m.doctor.noSlots }}
            />
          )}
        </Card>
      </div>
    </>
  );
}
