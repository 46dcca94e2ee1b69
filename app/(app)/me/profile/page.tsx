import type { Metadata } from "next";
import { ContactForm } from "@/components/patients/ContactForm";
import { PatientHeader } from "@/components/patients/PatientHeader";
import { NoOwnRecord } from "@/components/patients/NoOwnRecord";
import { Card } from "@/components/ui/Card";
import { messages, titled } from "@/lib/i18n/server";
import { contactValues } from "@/lib/patients/form-values";
import { ownPatientRecord, readPatient } from "@/lib/patients/queries";
import { db } from "@/lib/server/db";
import { guardPage } from "@/lib/server/guard";
import { updateOwnContactAction } from "../../patients/actions";

export const generateMetadata = titled((m) => m.titles.meProfile);

export default async function MyProfilePage() {
  const ctx = await guardPage("patient.self", "/me/profile");
  const m = (await messages()).patients;
  const own = await ownPatientRecord(db(), ctx.actor.id);
  if (!own) return <NoOwnRecord userId={ctx.actor.id} fallback={(await messages()).dashboard.noRecord} />;
  const p = await readPatient(db(), ctx, own.id);
  return (
    <div className="space-y-6">
      <PatientHeader patient={p} labels={m} />
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
