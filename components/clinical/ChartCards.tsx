import Link from "next/link";
import { Fragment } from "react";
import { Badge } from "@/components/ui/Badge";
import { cell, Table } from "@/components/ui/Table";
import { rangeText } from "@/lib/clinical/measures";
import {
  formatStamp,
  type ChartClinical,
  type ConsultationSummary,
  type LabOrderRow,
  type TimelineEvent,
} from "@/lib/clinical/queries";
import { INTL_TAG, type Locale } from "@/lib/i18n";
import type { Messages } from "@/lib/i18n/en";
import { requestLocale } from "@/lib/server/locale";
import { AddendumForm } from "./ConsultationActions";
import { NurseNoteForm } from "./NurseNoteForm";
import { LabAmendForm } from "./LabAmendForm";
import { VitalsForm } from "./VitalsForm";
import { VitalsTrend } from "./VitalsTrend";
import { News2Pill } from "./News2Pill";
import { FlaggedValue } from "./AbnormalFlag";
import { vitalFlag, type FlaggedVital } from "@/lib/clinical/ranges";

type M = Messages["clinical"];

export function FlagBadge({ flag, labels }: { flag: string | null; labels: M["lab"]["flags"] }) {
  if (!flag) return null;
  return <Badge tone={flag === "NORMAL" ? "success" : "danger"}>{labels[flag as keyof typeof labels]}</Badge>;
}

export function ConsultationStatus({ c, m }: { c: { signedAt: string | null; locked: boolean }; m: M }) {
  if (c.locked) return <Badge tone="neutral">{m.consultation.locked}</Badge>;
  return c.signedAt ? (
    <Badge tone="success">{m.consultation.signed}</Badge>
  ) : (
    <Badge tone="warning">{m.consultation.draft}</Badge>
  );
}

export async function ConsultationList({ items, m }: { items: ConsultationSummary[]; m: M }) {
  const locale = await requestLocale();
  if (!items.length) return <p className="text-sm text-slate-600">{m.chart.noConsultations}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((c) => (
        <li key={c.id} className="py-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Link href={`/consultations/${c.id}`} className="font-medium text-brand-700 hover:underline">
              <time dateTime={c.createdAt}>{formatStamp(c.createdAt, locale)}</time> · {c.doctor.name}
            </Link>
            <ConsultationStatus c={c} m={m} />
          </div>
          {c.diagnoses.length ? (
            <p className="mt-1 text-sm text-slate-700">
              {c.diagnoses.map((d, i) => (
                <span key={i} className="mr-3 inline-block">
                  {d.code ? <span className="mr-1 font-mono font-semibold">{d.code}</span> : null}
                  {d.description}
                </span>
              ))}
            </p>
          ) : null}
          {c.assessment ? <p className="mt-1 line-clamp-2 text-sm text-slate-600">{c.assessment}</p> : null}
        </li>
      ))}
    </ul>
  );
}

// The table lists the latest readings; the trend above it draws all of them.
const TABLE_ROWS = 10;
/** A measurement as the reader writes numbers (36.9 / 36,9). */
const num = (n: number | null, unit = "", locale: Locale = "en") =>
  n === null ? "—" : `${n.toLocaleString(INTL_TAG[locale], { maximumFractionDigits: 6, useGrouping: false })}${unit}`;
const dec1 = (n: number | null, locale: Locale) =>
  n === null ? "—" : n.toLocaleString(INTL_TAG[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1 });

type VitalsControls = {
  actorId: string;
  patientId: string;
  edit?: React.ComponentProps<typeof VitalsForm>["record"];
  addendum?: React.ComponentProps<typeof AddendumForm>["add"];
};

/** A record's correction or addendum form, folded under a small link. */
function Disclosure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-xs text-brand-700">{label}</summary>
      <div className="mt-2 max-w-md">{children}</div>
    </details>
  );
}

async function Addenda({
  items,
  m,
}: {
  items: { id: string; author: string; text: string; createdAt: string }[];
  m: M;
}) {
  const locale = await requestLocale();
  return items.map((a) => (
    <p key={a.id} className="mt-1 border-l-2 border-slate-200 pl-2 text-slate-700">
      <span className="text-xs text-slate-500">
        {m.consultation.addenda}: {m.phrases.addendumBy(a.author, formatStamp(a.createdAt, locale))}
      </span>
      <br />
      {a.text}
    </p>
  ));
}

/** A set's NEWS2 as text and colour (never colour alone): "5 medium", or why there is no score. */
export function News2Badge({
  vital,
  labels,
}: {
  vital: Pick<ChartVital, "news2" | "news2Reason">;
  labels: M["vitals"];
}) {
  if (!vital.news2)
    return (
      <span className="text-xs text-slate-600" data-news2-reason={vital.news2Reason}>
        {vital.news2Reason ? labels.news2Reasons[vital.news2Reason] : "—"}
      </span>
    );
  return (
    <>
      <News2Pill news2={vital.news2} labels={labels} />
      {vital.news2.scale === 2 ? <span className="ml-1 text-xs text-slate-600">({labels.news2Scale2})</span> : null}
    </>
  );
}

/** The latest reading, the trend (oldest to newest) and the latest readings as a table, each with its addenda and, with `controls`, its correction (author, within the window) or an addendum. */
export async function VitalsPanel({ vitals, m, controls }: { vitals: ChartVital[]; m: M; controls?: VitalsControls }) {
  const locale = await requestLocale();
  const v = m.vitals;
  if (!vitals.length) return <p className="text-sm text-slate-600">{v.none}</p>;
  const latest = vitals[0];
  const flags = m.lab.flags;
  // Outside the adult normal range (lib/clinical/ranges.ts): colour and text.
  const flagOf = (x: ChartVital, field: FlaggedVital) =>
    vitalFlag(field, x[field], { scale2: x.news2?.scale === 2, onOxygen: x.supplementalOxygen });
  const flagged = (x: ChartVital, field: FlaggedVital, text: string) => (
    <FlaggedValue value={text} flag={flagOf(x, field)} labels={flags} />
  );
  const tiles: [string, React.ReactNode][] = [
    [
      v.bp,
      latest.systolic !== null || latest.diastolic !== null
        ? flagged(latest, "systolic", m.phrases.bp(latest.systolic, latest.diastolic))
        : "—",
    ],
    [v.pulseShort, flagged(latest, "pulse", num(latest.pulse, " /min", locale))],
    [v.temp, flagged(latest, "temperatureC", num(latest.temperatureC, " °C", locale))],
    [v.rr, flagged(latest, "respiratoryRate", num(latest.respiratoryRate, " /min", locale))],
    [v.spo2Short, flagged(latest, "spo2", num(latest.spo2, " %", locale))],
    [v.bmi, dec1(latest.bmi, locale)],
  ];
  const points = [...vitals].reverse().map((x) => ({
    at: x.takenAt,
    label: formatStamp(x.takenAt, locale).replace(/ \d{4},/, ","),
    systolic: x.systolic,
    pulse: x.pulse,
    temperatureC: x.temperatureC,
    spo2: x.spo2,
    respiratoryRate: x.respiratoryRate,
    news2: x.news2?.score ?? null,
    scale2: x.news2?.scale === 2,
    onOxygen: x.supplementalOxygen,
    news2Band: x.news2?.band ?? null,
  }));
  return (
    <div className="space-y-4">
      <div>
        <p className="mb-2 text-xs text-slate-500">
          {v.latest}: <time dateTime={latest.takenAt}>{formatStamp(latest.takenAt, locale)}</time> ·{" "}
          {latest.recordedBy.name}
        </p>
        <p className="mb-2 text-sm">
          <span className="mr-2 text-xs text-slate-600">{v.news2}</span>
          <News2Badge vital={latest} labels={v} />
        </p>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
          {tiles.map(([label, value]) => (
            <div key={label} className="rounded-md bg-slate-50 px-3 py-2">
              <dt className="text-xs text-slate-600">{label}</dt>
              <dd className="text-sm font-semibold tabular-nums text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      {points.length > 1 ? (
        <VitalsTrend
          points={points}
          labels={{
            trendLabel: v.trendLabel,
            normalBand: v.normalBand,
            systolic: v.systolic,
            pulseShort: v.pulseShort,
            temp: v.temp,
            spo2Short: v.spo2Short,
            rr: v.rr,
            news2: v.news2,
            low: flags.LOW,
            high: flags.HIGH,
            news2Bands: v.news2Bands,
          }}
        />
      ) : null}
      <details open={points.length <= 1} data-print="open">
        <summary className="cursor-pointer text-sm text-brand-700">{v.showTable}</summary>
        <div className="mt-2">
          <Table
            head={[
              v.when,
              v.bp,
              v.pulseShort,
              v.temp,
              v.rr,
              v.spo2Short,
              v.consciousnessShort,
              v.oxygenShort,
              v.news2,
              v.bmi,
              v.pain,
              v.by,
            ]}
          >
            {vitals.slice(0, TABLE_ROWS).map((x) => (
              <Fragment key={x.id}>
                <tr data-vital={x.id}>
                  <td className={`${cell} whitespace-nowrap`}>
                    <time dateTime={x.takenAt}>{formatStamp(x.takenAt, locale)}</time>
                  </td>
                  <td className={`${cell} tabular-nums`}>
                    {x.systolic !== null || x.diastolic !== null
                      ? flagged(x, "systolic", `${num(x.systolic)}/${num(x.diastolic)}`)
                      : "—"}
                  </td>
                  <td className={`${cell} tabular-nums`}>{flagged(x, "pulse", num(x.pulse))}</td>
                  <td className={`${cell} tabular-nums`}>
                    {flagged(x, "temperatureC", num(x.temperatureC, "", locale))}
                  </td>
                  <td className={`${cell} tabular-nums`}>{flagged(x, "respiratoryRate", num(x.respiratoryRate))}</td>
                  <td className={`${cell} tabular-nums`}>{flagged(x, "spo2", num(x.spo2))}</td>
                  <td className={cell}>{x.consciousness ?? "—"}</td>
                  <td className={cell}>
                    {x.supplementalOxygen === null ? "—" : x.supplementalOxygen ? v.oxygenYes : v.oxygenNo}
                  </td>
                  <td className={cell}>
                    <News2Badge vital={x} labels={v} />
                  </td>
                  <td className={`${cell} tabular-nums`}>{dec1(x.bmi, locale)}</td>
                  <td className={`${cell} tabular-nums`}>{num(x.painScore)}</td>
                  <td className={cell}>{x.recordedBy.name}</td>
                </tr>
                {x.addenda.length || controls?.edit || controls?.addendum ? (
                  <tr data-vital-extra={x.id}>
                    <td colSpan={12} className="px-4 pb-2 text-sm">
                      <Addenda items={x.addenda} m={m} />
                      {controls?.edit && x.recordedBy.id === controls.actorId && !x.locked ? (
                        <Disclosure label={v.edit}>
                          <VitalsForm patientId={controls.patientId} record={controls.edit} labels={v} reading={x} />
                        </Disclosure>
                      ) : controls?.addendum ? (
                        <Disclosure label={m.consultation.addendum}>
                          <AddendumForm
                            target={{ patientId: controls.patientId, vitalId: x.id }}
                            add={controls.addendum}
                            labels={m.consultation}
                          />
                        </Disclosure>
                      ) : null}
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </Table>
        </div>
      </details>
    </div>
  );
}

type ChartNote = ChartClinical["notes"][number];
type ChartVital = ChartClinical["vitals"][number];
type NoteControls = {
  actorId: string;
  patientId: string;
  shift: string;
  edit?: React.ComponentProps<typeof NurseNoteForm>["add"];
  addendum?: React.ComponentProps<typeof AddendumForm>["add"];
};

/**
 * Nurse notes with their addenda. With `controls`: the author corrects a note until its window
 * closes; after that (or for someone else's note) clinicians add an addendum.
 */
export async function NoteList({ notes, m, controls }: { notes: ChartNote[]; m: M; controls?: NoteControls }) {
  const locale = await requestLocale();
  if (!notes.length) return <p className="text-sm text-slate-600">{m.notes.none}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {notes.map((n) => {
        const editable = controls?.edit && n.author.id === controls.actorId && !n.locked;
        return (
          <li key={n.id} className="py-2 text-sm" data-note={n.id}>
            <p className="text-xs text-slate-500">
              <time dateTime={n.createdAt}>{formatStamp(n.createdAt, locale)}</time> · {m.notes.shifts[n.shift]} ·{" "}
              {m.notes.categories[n.category]} · {n.author.name}
              {n.locked ? <> · {m.consultation.locked}</> : null}
            </p>
            <p className="whitespace-pre-line text-slate-800">{n.text}</p>
            <Addenda items={n.addenda} m={m} />
            {editable ? (
              <Disclosure label={m.notes.edit}>
                <NurseNoteForm
                  patientId={controls.patientId}
                  add={controls.edit!}
                  labels={m.notes}
                  defaultShift={controls.shift}
                  note={n}
                />
              </Disclosure>
            ) : controls?.addendum ? (
              <Disclosure label={m.consultation.addendum}>
                <AddendumForm
                  target={{ patientId: controls.patientId, noteId: n.id }}
                  add={controls.addendum}
                  labels={m.consultation}
                />
              </Disclosure>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** A result's value as text: "4.2 mmol/L", or its text. */
const resultText = (r: { value: number | null; valueText: string | null; unit?: string | null }, locale: Locale) =>
  r.value !== null ? `${num(r.value, "", locale)}${r.unit ? ` ${r.unit}` : ""}` : (r.valueText ?? "");

/**
 * Orders with their results; abnormal results stand out (red row, value flagged in colour and text).
 * A corrected result says so, with the value it replaced and who corrected it, when and why; with
 * `amend`, clinicians correct the current result in place.
 */
export async function LabList({
  labs,
  m,
  amend,
}: {
  labs: LabOrderRow[];
  m: M;
  amend?: React.ComponentProps<typeof LabAmendForm>["amend"];
}) {
  const locale = await requestLocale();
  const l = m.lab;
  if (!labs.length) return <p className="text-sm text-slate-600">{l.none}</p>;
  return (
    <Table head={[l.test, l.result, l.range, l.flag, l.orderedAt]}>
      {labs.map((o) => {
        const r = o.result;
        const abnormal = r && r.flag !== "NORMAL";
        return (
          <Fragment key={o.id}>
            <tr className={abnormal ? "bg-red-50" : undefined} data-abnormal={abnormal ? "true" : undefined}>
              <td className={`${cell} font-medium`}>{o.test.name}</td>
              <td className={`${cell} tabular-nums`}>
                {r ? (
                  <FlaggedValue value={resultText(r, locale)} flag={r.flag} labels={l.flags} />
                ) : (
                  <Badge>{l.statuses[o.status]}</Badge>
                )}
                {r?.amended ? (
                  <>
                    {" "}
                    <Badge tone="warning">{l.amended}</Badge>
                  </>
                ) : null}
              </td>
              <td className={`${cell} tabular-nums text-slate-600`}>
                {r ? rangeText(r.refLow, r.refHigh, locale) : ""}
              </td>
              <td className={cell}>{r ? <FlagBadge flag={r.flag} labels={l.flags} /> : null}</td>
              <td className={`${cell} whitespace-nowrap text-slate-600`}>
                <time dateTime={o.orderedAt}>{formatStamp(o.orderedAt, locale)}</time>
              </td>
            </tr>
            {r && (r.amended || r.reviewed || amend) ? (
              <tr data-lab-extra={o.test.code} className={abnormal ? "bg-red-50" : undefined}>
                <td colSpan={5} className="px-4 pb-2 text-xs text-slate-600">
                  {r.amended ? (
                    <p data-amended="true">
                      <s>
                        {m.phrases.amendedFrom(
                          resultText({ ...r.amended, unit: r.unit }, locale),
                          r.amended.by,
                          formatStamp(r.amended.resultedAt, locale),
                        )}
                      </s>
                      {" · "}
                      {m.phrases.amendedBy(r.enteredBy, formatStamp(r.resultedAt, locale), r.amended.reason)}
                    </p>
                  ) : null}
                  {r.reviewed ? <p>{m.phrases.reviewedBy(r.reviewed.by, formatStamp(r.reviewed.at, locale))}</p> : null}
                  {amend ? (
                    <Disclosure label={l.amend}>
                      <LabAmendForm resultId={r.id} qualitative={r.value === null} amend={amend} labels={l} />
                    </Disclosure>
                  ) : null}
                </td>
              </tr>
            ) : null}
          </Fragment>
        );
      })}
    </Table>
  );
}

/** The one timeline, a page at a time, with links to move between pages. */
export async function TimelineList({
  events,
  page,
  pages,
  hrefFor,
  m,
}: {
  events: TimelineEvent[];
  page: number;
  pages: number;
  hrefFor: (p: number) => string;
  m: M;
}) {
  const locale = await requestLocale();
  if (!events.length) return <p className="text-sm text-slate-600">{m.chart.timelineEmpty}</p>;
  return (
    <div className="space-y-3">
      <ol className="space-y-2 text-sm" aria-label={m.chart.timeline}>
        {events.map((e) => (
          <li
            key={`${e.kind}-${e.id}-${e.at}`}
            className={`flex gap-3 ${e.flag && e.flag !== "NORMAL" ? "rounded bg-red-50 px-1" : ""}`}
            data-kind={e.kind}
          >
            <time className="w-36 shrink-0 tabular-nums text-slate-600" dateTime={e.at}>
              {formatStamp(e.at, locale)}
            </time>
            <span className="w-28 shrink-0 font-medium text-slate-700">{m.chart.kinds[e.kind]}</span>
            <span className="min-w-0 break-words">
              {e.link ? (
                <Link href={e.link} className="text-brand-700 hover:underline">
                  {e.summary}
                </Link>
              ) : (
                e.summary
              )}
              {e.flag && e.flag !== "NORMAL" ? (
                <>
                  {" "}
                  <FlagBadge flag={e.flag} labels={m.lab.flags} />
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
      {pages > 1 ? (
        <nav className="flex items-center justify-between text-sm" aria-label={m.chart.timeline}>
          {page > 1 ? (
            <Link href={hrefFor(page - 1)} className="text-brand-700 hover:underline">
              ← {m.chart.newer}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-600">{m.phrases.page(page, pages)}</span>
          {page < pages ? (
            <Link href={hrefFor(page + 1)} className="text-brand-700 hover:underline">
              {m.chart.older} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
