import Link from "next/link";
import { notFound } from "next/navigation";
import { RxStatusBadge } from "@/components/prescriptions/StatusBadge";
import { buttonClass } from "@/components/ui/Button";
import { DefinitionList } from "@/components/ui/DefinitionList";
import { INTL_TAG, type Locale } from "@/lib/i18n";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { routeLabel } from "@/lib/prescriptions/labels";
import { verifyPrescription } from "@/lib/prescriptions/verify";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { can } from "@/lib/server/permissions";
import { currentCtx } from "@/lib/server/session";

export const generateMetadata = titled((m) => m.titles.rxToken, {
  robots: { index: false, follow: false },
  referrer: "no-referrer",
});

const date = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(INTL_TAG[locale], { timeZone: env().HOSPITAL_TIMEZONE, dateStyle: "long" }).format(
    new Date(iso),
  );

/**
 * The public page behind the QR code: only what checking a prescription needs (status, dates,
 * prescriber, the patient's initials, the drug lines). Anyone may open it; each view is recorded.
 */
export default async function RxPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const visitor = await currentCtx();
  const rx = await verifyPrescription(db(), token, visitor);
  if (!rx) notFound();
  const [catalogue, locale] = await Promise.all([messages(), requestLocale()]);
  const p = catalogue.prescriptions;
  const m = p.rx;
  const live = rx.status === "ACTIVE" || rx.status === "PARTIALLY_DISPENSED";
  const rows: [string, React.ReactNode][] = [
    [m.status, <RxStatusBadge key="s" status={rx.status} />],
    [m.issued, date(rx.issuedAt, locale)],
    [m.expires, date(rx.expiresAt, locale)],
    [m.prescriber, rx.prescriber],
    [m.patient, rx.patientInitials],
  ];
  return (
    <main className="mx-auto max-w-2xl space-y-6 px-4 py-10">
      <header className="space-y-1">
        <p className="text-sm font-semibold text-brand-700">{env().HOSPITAL_NAME}</p>
        <h1 className="text-2xl font-semibold text-slate-900">{m.title}</h1>
      </header>
      <p
        role="status"
        className={`rounded-md border px-4 py-3 text-sm font-medium ${live ? "border-green-200 bg-green-50 text-green-900" : "border-red-200 bg-red-50 text-red-900"}`}
      >
        {m.verdict[rx.status]}
      </p>
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <DefinitionList rows={rows} />
      </section>
      <section aria-labelledby="drugs-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="drugs-title" className="mb-3 text-base font-semibold text-slate-900">
          {m.drugs}
        </h2>
        <ol className="divide-y divide-slate-100 text-sm">
          {rx.items.map((i, n) => (
            <li key={n} className="py-2">
              <p className="font-medium text-slate-900">{i.drug}</p>
              <p className="text-slate-700">
                {i.dose} · {routeLabel(i.route, p)} · {i.frequency} · {p.phrases.days(i.durationDays)} · {p.pdf.head[5]}{" "}
                {i.quantity}
              </p>
              {i.instructions ? <p className="text-slate-600 italic">{i.instructions}</p> : null}
            </li>
          ))}
        </ol>
      </section>
      {visitor.actor && can(visitor.actor.role, "pharmacy.dispense") ? (
        <Link href={`/pharmacy/prescriptions/${rx.id}`} className={buttonClass("primary")}>
          {m.openForDispensing}
        </Link>
      ) : null}
      <p className="text-xs text-slate-500">{m.privacy}</p>
    </main>
  );
}
