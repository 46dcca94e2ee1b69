import { PatientForm, type PatientFormValues } from "@/components/patients/PatientForm";
import Link from "next/link";
import { MergedNotice } from "@/components/patients/MergedNotice";
import { PatientBanner } from "@/components/patients/PatientBanner";
import { buttonClass } from "@/components/ui/Button";
import { survivorOf } from "@/lib/patients/merge";
import { messages, titled } from "@/lib/server/locale";
import { contactValues } from "@/lib/patients/form-values";
import { patientBanner } from "@/lib/patients/banner";
import { openChart } from "@/lib/patients/chart";
import { patientRecord } from "@/lib/patients/queries";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { can } from "@/lib/server/permissions";
import { updatePatientAction } from "../../actions";

export const generateMetadata = titled((m) => m.titles.patientsIdEdit);

export default async function EditPatientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await guardPage("patient.register", `/patients/${id}/edit`);
  const all = await messages();
  const m = all.patients;
  // One opening of the record (scope checked, one audit row) serves the form and the banner.
  const chart = await openChart(db(), ctx, id);
  const p = patientRecord(chart);
  const banner = await patientBanner(db(), chart);
  const initial: PatientFormValues = {
    firstName: p.firstName,
    lastName: p.lastName,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    nationalId: p.nationalId ?? "",
    bloodGroup: p.clinical?.bloodGroup ?? "",
    ...contactValues(p),
    medicalHistory: p.clinical?.medicalHistory ?? "",
    allergies: p.allergies.map((a) => ({
      substance: a.substance,
      drugClass: a.drugClass ?? "",
      reaction: a.reaction ?? "",
      severity: a.severity ?? "",
    })),
    conditions: (p.clinical?.conditions ?? []).map((c) => ({ text: c.text, code: c.code ?? "" })),
  };
  const recordHref = can(ctx.actor.role, "patient.chart.read") ? "/patients/{id}" : "/patients/{id}/edit";
  const mergedInto = await survivorOf(db(), id);
  // Records officers do not see clinical fields: the form neither shows nor sends them, and the
  // service refuses them (lib/patients/scope.ts).
  const action = async (input: unknown) => {
    "use server";
    return updatePatientAction({ ...(input as Record<string, unknown>), id });
  };
  return (
    <>
      {/* The patient's name is the page's h1 (as on the chart); the form says what this page does. */}
      <PatientBanner banner={banner} chartLink={false} heading />
      {mergedInto ? (
        <MergedNotice
          text={all.merge.mergedNotice(mergedInto.mrn)}
          link={all.merge.mergedLink(mergedInto.mrn)}
          href={recordHref.replace("{id}", mergedInto.id)}
        />
      ) : null}
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold text-slate-900">{all.titles.patientsIdEdit}</h2>
        {can(ctx.actor.role, "patient.merge") && p.active ? (
          <Link href={`/patients/${id}/merge`} className={buttonClass("secondary")}>
            {all.merge.open}
          </Link>
        ) : null}
      </div>
      <PatientForm
        mode="edit"
        initial={initial}
        action={action}
        labels={m.form}
        recordHref={recordHref}
        clinical={p.clinical !== null}
      />
    </>
  );
}
