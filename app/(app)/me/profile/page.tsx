import { ContactForm } from "@/components/patients/ContactForm";
import { NoOwnRecord } from "@/components/patients/NoOwnRecord";
import { PatientBanner } from "@/components/patients/PatientBanner";
import { Card } from "@/components/ui/Card";
import { messages, titled } from "@/lib/server/locale";
import { contactValues } from "@/lib/patients/form-values";
import { patientBanner } from "@/lib/patients/banner";
import { openChart } from "@/lib/patients/chart";
import { ownPatientRecord, patientRecord } from "@/lib/patients/queries";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { updateOwnContactAction } from "../../patients/actions";

export const generateMetadata = titled((m) => m.titles.meProfile);

export default async function MyProfilePage() {
  const ctx = await guardPage("patient.self", "/me/profile");
  const m = (await messages()).patients;
  const own = await ownPatientRecord(db(), ctx.actor.id);
  if (!own) return <NoOwnRecord userId={ctx.actor.id} fallback={(await messages()).dashboard.noRecord} />;
  const chart = await openChart(db(), ctx, own.id);
  const p = patientRecord(chart);
  // The patient's own banner: who, their allergies, where; no NEWS2, no chart link.
  const banner = await patientBanner(db(), chart);
  return (
    <div className="space-y-6">
      <PatientBanner banner={banner} chartLink={false} heading own />
      <Card title={m.self.title}>
        <p className="mb-4 text-sm text-slate-600">{m.self.intro}</p>
        <ContactForm
          labels={{ form: m.form, saved: m.self.saved }}
          action={updateOwnContactAction}
          initial={contactValues(p)}
        />
      </Card>
    </div>
  );
}
