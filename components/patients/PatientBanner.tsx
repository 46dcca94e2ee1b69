import Link from "next/link";
import { formatStamp } from "@/lib/clinical/queries";
import { messages, requestLocale } from "@/lib/server/locale";
import type { PatientBannerData } from "@/lib/patients/banner";
import { AllergyChips } from "./AllergyChips";
import { formatTime } from "@/lib/scheduling/time";

const NEWS2_STYLE = {
  low: "bg-green-100 text-green-900",
  "low-medium": "bg-amber-100 text-amber-900",
  medium: "bg-orange-200 text-orange-950",
  high: "bg-red-700 text-white",
} as const;

/**
 * The patient banner: who this is and what to be careful of, on every page about one patient. Sticky
 * under the page's top while scrolling, and printed (static) at the top of a printout. `heading`
 * makes the name the page's h1 (the chart); elsewhere the page has its own title. `own`: the patient's
 * own pages (/me/…): identity, their allergies, where they are and who looks after them, but no NEWS2
 * (a score is for the team watching them) and no link to the staff chart.
 */
export async function PatientBanner({
  banner: b,
  chartLink,
  heading = false,
  own = false,
}: {
  banner: PatientBannerData;
  chartLink: boolean;
  heading?: boolean;
  own?: boolean;
}) {
  const all = await messages();
  const m = all.chart.banner;
  const locale = await requestLocale();
  const name = `${b.lastName}, ${b.firstName}`;
  const Name = heading ? "h1" : "p";
  const loc = b.location;
  return (
    <section
      aria-label={m.label}
      data-patient-banner={b.id}
      className="sticky top-0 z-30 -mx-4 -mt-6 mb-6 border-b border-slate-200 bg-white/95 px-4 py-2 shadow-sm backdrop-blur sm:-mx-6 sm:px-6 print:static print:mx-0 print:mt-0 print:border-b-2 print:border-slate-900 print:shadow-none"
    >
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <Name className={heading ? "text-xl font-semibold text-slate-900" : "text-lg font-semibold text-slate-900"}>
          {chartLink && !heading && !own ? (
            <Link href={`/patients/${b.id}`} className="hover:underline">
              {name}
            </Link>
          ) : (
            name
          )}
        </Name>
        <dl className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm text-slate-700">
          <div className="flex gap-1">
            <dt className="text-slate-600">{m.mrn}</dt>
            <dd className="whitespace-nowrap font-mono" data-mrn>
              {b.mrn}
            </dd>
          </div>
          <div className="flex gap-1">
            <dt className="sr-only">{all.patients.dateOfBirth}</dt>
            <dd className="whitespace-nowrap">
              {m.age(b.age)} · {all.patients.form.sexes[b.sex as keyof typeof all.patients.form.sexes] ?? b.sex}
            </dd>
          </div>
          <div className="flex gap-1" data-banner-location>
            <dt className="text-slate-600">{m.location}</dt>
            <dd>
              {loc?.kind === "admission"
                ? loc.ward && loc.room && loc.bed
                  ? m.bed(loc.ward, loc.room, loc.bed)
                  : m.admittedNoBed
                : loc?.kind === "visit"
                  ? m.visitToday(
                      formatTime(loc.startsAt),
                      all.scheduling.statuses[loc.status as keyof typeof all.scheduling.statuses] ?? loc.status,
                    )
                  : m.nowhere}
            </dd>
          </div>
          <div className="flex gap-1">
            <dt className="text-slate-600">{m.attending}</dt>
            <dd>{b.attending?.name ?? m.noAttending}</dd>
          </div>
          {b.news2 && !own ? (
            <div className="flex items-baseline gap-1" data-banner-news2={b.news2.score ?? "none"}>
              <dt className="text-slate-600">{m.news2}</dt>
              <dd>
                {b.news2.score !== null ? (
                  <span className={`rounded px-1.5 py-0.5 font-semibold ${NEWS2_STYLE[b.news2.band]}`}>
                    {m.news2Score(b.news2.score, all.clinical.vitals.news2Bands[b.news2.band])}
                  </span>
                ) : (
                  <span className="text-slate-600">{m.news2Reasons[b.news2.reason]}</span>
                )}
                {b.news2.takenAt ? (
                  <span className="ml-1 text-xs text-slate-600">{m.news2At(formatStamp(b.news2.takenAt, locale))}</span>
                ) : null}
              </dd>
            </div>
          ) : null}
          {!b.active && !own ? <div className="font-semibold text-red-800">{m.inactive}</div> : null}
        </dl>
      </div>
      <AllergyChips
        allergies={b.allergies}
        labels={{
          allergies: m.allergies,
          noAllergies: m.noAllergies,
          severe: m.severe,
          severities: all.patients.form.severities,
        }}
      />
    </section>
  );
}
