import { PatientBanner } from "@/components/patients/PatientBanner";
import { bannerFor } from "@/lib/patients/banner";
import { can } from "@/lib/server/permissions";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChoosePatient } from "@/components/prescriptions/ChoosePatient";
import { PrescribeForm } from "@/components/prescriptions/PrescribeForm";
import { Badge } from "@/components/ui/Badge";
import { Card, PageHeader } from "@/components/ui/Card";
import { allergySeverityWord } from "@/lib/prescriptions/findings";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { formatInstant } from "@/lib/server/format";
import { prescribablePatient, prescribingConsultation } from "@/lib/prescriptions/queries";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { stringParams } from "@/lib/server/page-query";
import { findPatientsAction } from "@/lib/scheduling/actions";
import { prescribeAction, searchDrugsAction } from "../actions";
import { formatCalendarDay } from "@/lib/i18n/dates";

export const generateMetadata = titled((m) => m.titles.prescriptionsNew);

/** `?patientId=` (from the chart) and optionally `&consultationId=` (from a consultation). */
export default async function NewPrescriptionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await guardPage("prescription.write", "/prescriptions/new");
  const m = (await messages()).prescriptions;
  const sp = stringParams(await searchParams);
  if (!sp.patientId) {
    return (
      <>
        <PageHeader title={m.form.title} />
        <Card title={m.form.choosePatient}>
          <ChoosePatient find={findPatientsAction} labels={{ ...m.form, change: m.form.change }} />
        </Card>
      </>
    );
  }
  const patient = await prescribablePatient(db(), sp.patientId);
  if (!patient) notFound();
  // The consultation named by its date and doctor (one of this patient's, else none).
  const consultation = sp.consultationId ? await prescribingConsultation(db(), patient.id, sp.consultationId) : null;
  const banner = await bannerFor(db(), ctx, patient.id);
  return (
    <>
      <PatientBanner banner={banner} chartLink={can(ctx.actor.role, "patient.chart.read")} />
      <PageHeader title={m.form.title}>
        <Link href={`/patients/${patient.id}`} className="text-sm text-brand-700 hover:underline">
          ← {patient.name}
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <Card>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-600">{m.form.patient}</dt>
            <dd>
              <strong>{patient.name}</strong>{" "}
              <span className="font-mono text-xs text-slate-500 whitespace-nowrap">{patient.mrn}</span> ·{" "}
              {formatCalendarDay(patient.dateOfBirth, await requestLocale())}
            </dd>
            <dt className="text-slate-600">{m.form.allergies}</dt>
            <dd className="flex flex-wrap gap-2">
              {patient.allergies.length === 0 ? <span className="text-slate-600">{m.form.noAllergies}</span> : null}
              {patient.allergies.map((a, i) => (
                <Badge key={i} tone={a.severity === "severe" ? "danger" : "warning"}>
                  {a.substance}
                  {a.severity ? ` · ${allergySeverityWord(a.severity, m)}` : ""}
                  {a.reaction ? ` · ${a.reaction}` : ""}
                </Badge>
              ))}
            </dd>
            {consultation ? (
              <>
                <dt className="text-slate-600">{m.form.consultation}</dt>
                <dd data-consultation={consultation.id}>
                  <Link href={`/consultations/${consultation.id}`} className="text-brand-700 hover:underline">
                    {(await messages()).chart.prescribe.consultationOf(
                      formatInstant(consultation.createdAt, await requestLocale()),
                      consultation.doctor,
                    )}
                  </Link>
                </dd>
              </>
            ) : null}
          </dl>
        </Card>
        <PrescribeForm
          patientId={patient.id}
          consultationId={consultation?.id}
          prescribe={prescribeAction}
          searchDrugs={searchDrugsAction}
          labels={{ form: m.form, kinds: m.kinds, severities: m.severities, routes: m.routes }}
        />
      </div>
    </>
  );
}
