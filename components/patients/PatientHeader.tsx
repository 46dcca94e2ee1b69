import type { Messages } from "@/lib/i18n/en";
import { requestLocale } from "@/lib/i18n/server";
import { formatDate } from "@/lib/server/format";
import type { PatientRecord } from "@/lib/patients/queries";

const SEVERITY_STYLE: Record<string, string> = { severe: "bg-red-700 text-white", moderate: "bg-red-100 text-red-900", mild: "bg-amber-100 text-amber-900" };

/** Identity line and the allergy banner, always visible at the top of a record. */
export async function PatientHeader({ patient: p, labels: m, children }: { patient: PatientRecord; labels: Messages["patients"]; children?: React.ReactNode }) {
  const c = m.chart;
  const locale = await requestLocale();
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">
            {p.lastName}, {p.firstName}
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            <span className="font-mono whitespace-nowrap">{p.mrn}</span> · <time dateTime={p.dateOfBirth}>{formatDate(p.dateOfBirth, locale)}</time> ({c.age(p.age)}) · {m.form.sexes[p.sex]}
            {p.clinical?.bloodGroup ? ` · ${c.bloodGroup} ${p.clinical.bloodGroup}` : ""}
          </p>
        </div>
        <div className="flex gap-2">{children}</div>
      </div>
      <section aria-label={c.allergies} className={`rounded-md border px-4 py-2 text-sm ${p.allergies.length ? "border-red-300 bg-red-50" : "border-slate-200 bg-white"}`}>
        <span className="mr-2 font-semibold">{c.allergies}:</span>
        {p.allergies.length === 0 ? (
          <span className="text-slate-600">{c.noAllergies}</span>
        ) : (
          p.allergies.map((a) => (
            <span key={a.id} className={`mr-2 inline-block rounded px-2 py-0.5 ${SEVERITY_STYLE[a.severity ?? "mild"]}`}>
              {a.substance}
              {a.reaction ? ` — ${a.reaction}` : ""}
              {a.severity ? ` (${m.form.severities[a.severity]})` : ""}
            </span>
          ))
        )}
      </section>
    </header>
  );
}
