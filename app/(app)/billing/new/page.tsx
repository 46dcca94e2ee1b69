import type { Metadata } from "next";
import { BillingForm } from "@/components/billing/BillingForm";
import { Alert } from "@/components/ui/Alert";
import { Card, PageHeader } from "@/components/ui/Card";
import { uninvoiced } from "@/lib/billing/queries";
import { messages } from "@/lib/i18n";
import { db } from "@/lib/server/db";
import { formatInstant } from "@/lib/server/format";
import { guardPage } from "@/lib/server/guard";
import { createInvoiceAction } from "../actions";

export const metadata: Metadata = { title: "New invoice" };

export default async function NewInvoicePage() {
  await guardPage("billing.manage", "/billing/new");
  const m = messages().billing;
  const c = m.create;
  const { appointments, admissions } = await uninvoiced(db());
  const name = (p: { firstName: string; lastName: string; mrn: string }) => `${p.firstName} ${p.lastName} (${p.mrn})`;
  return (
    <>
      <PageHeader title={c.title} />
      <p className="mb-6 max-w-3xl text-sm text-slate-600">{c.intro}</p>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={c.appointment}>
          {appointments.length === 0 ? (
            <Alert>{c.noAppointments}</Alert>
          ) : (
            <BillingForm
              title={c.chooseAppointment}
              fixed={{}}
              fields={[{ name: "appointmentId", label: c.appointment, options: appointments.map((a) => [a.id, m.phrases.appointmentOption(formatInstant(a.startsAt.toISOString()), name(a.patient), a.doctor.name)] as const) }]}
              act={createInvoiceAction}
              submit={c.submitVisit}
              goTo="/billing"
            />
          )}
        </Card>
        <Card title={c.admission}>
          {admissions.length === 0 ? (
            <Alert>{c.noAdmissions}</Alert>
          ) : (
            <BillingForm
              title={c.chooseAdmission}
              fixed={{}}
              fields={[{ name: "admissionId", label: c.admission, options: admissions.map((a) => [a.id, m.phrases.admissionOption(formatInstant(a.admittedAt.toISOString()), name(a.patient), a.reason)] as const) }]}
              act={createInvoiceAction}
              submit={c.submitStay}
              goTo="/billing"
            />
          )}
        </Card>
      </div>
    </>
  );
}
