import { BillingForm } from "@/components/billing/BillingForm";
import { Alert } from "@/components/ui/Alert";
import { Card, PageHeader } from "@/components/ui/Card";
import { uninvoiced } from "@/lib/billing/queries";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { formatInstant } from "@/lib/server/format";
import { guardPage } from "@/lib/server/guard";
import { createInvoiceAction } from "../actions";

export const generateMetadata = titled((m) => m.titles.billingNew);

export default async function NewInvoicePage() {
  await guardPage("billing.manage", "/billing/new");
  const locale = await requestLocale();
  const m = (await messages()).billing;
  const c = m.create;
  const { appointments, admissions } = await uninvoiced(db());
  const name = (p: { firstName: string; lastName: string; mrn: string }) => `${p.firstName} ${p.lastName} (${p.mrn})`;
  const choices = [
    {
      field: "appointmentId",
      title: c.appointment,
      choose: c.chooseAppointment,
      none: c.noAppointments,
      submit: c.submitVisit,
      options: appointments.map(
        (a) =>
          [
            a.id,
            m.phrases.appointmentOption(
              formatInstant(a.startsAt.toISOString(), locale),
              name(a.patient),
              a.doctor.name,
            ),
          ] as const,
      ),
    },
    {
      field: "admissionId",
      title: c.admission,
      choose: c.chooseAdmission,
      none: c.noAdmissions,
      submit: c.submitStay,
      options: admissions.map(
        (a) =>
          [
            a.id,
            m.phrases.admissionOption(formatInstant(a.admittedAt.toISOString(), locale), name(a.patient), a.reason),
          ] as const,
      ),
    },
  ];
  return (
    <>
      <PageHeader title={c.title} />
      <p className="mb-6 max-w-3xl text-sm text-slate-600">{c.intro}</p>
      <div className="grid gap-6 lg:grid-cols-2">
        {choices.map((k) => (
          <Card key={k.field} title={k.title}>
            {k.options.length === 0 ? (
              <Alert>{k.none}</Alert>
            ) : (
              <BillingForm
                title={k.choose}
                fixed={{}}
                fields={[
                  { name: k.field, label: k.title, options: k.options },
                  ...(k.field === "admissionId"
                    ? [{ name: "upTo", label: c.upTo, type: "date" as const, hint: c.upToHint }]
                    : []),
                ]}
                act={createInvoiceAction}
                submit={k.submit}
                goTo="/billing"
              />
            )}
          </Card>
        ))}
      </div>
    </>
  );
}
