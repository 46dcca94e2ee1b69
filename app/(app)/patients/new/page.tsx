import { EMPTY_PATIENT, PatientForm } from "@/components/patients/PatientForm";
import { RegisterWithTriage } from "@/components/triage/RegisterWithTriage";
import { PageHeader } from "@/components/ui/Card";
import { departmentOptions } from "@/lib/departments/queries";
import { messages, titled } from "@/lib/server/locale";
import { seesClinicalDetails } from "@/lib/patients/scope";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { can } from "@/lib/server/permissions";
import { registerPatientAction } from "../actions";

export const generateMetadata = titled((m) => m.titles.patientsNew);

export default async function NewPatientPage() {
  const { actor } = await guardPage("patient.register", "/patients/new");
  const m = (await messages()).patients;
  // Records officers land on the record's edit page; clinicians on the chart.
  const recordHref = can(actor.role, "patient.chart.read") ? "/patients/{id}" : "/patients/{id}/edit";
  // Records officers neither see nor enter blood group, conditions or history.
  const clinical = seesClinicalDetails(actor);
  return (
    <>
      <PageHeader title={m.register} />
      {can(actor.role, "triage.run") ? (
        <RegisterWithTriage
          register={registerPatientAction}
          labels={m.form}
          triageLabels={(await messages()).triage.box}
          departments={await departmentOptions(db())}
          recordHref={recordHref}
          clinical={clinical}
        />
      ) : (
        <PatientForm
          mode="create"
          initial={EMPTY_PATIENT}
          action={registerPatientAction}
          labels={m.form}
          recordHref={recordHref}
          clinical={clinical}
        />
      )}
    </>
  );
}
