import { PatientBanner } from "@/components/patients/PatientBanner";
import { PrintButton } from "@/components/ui/PrintButton";
import { bannerFor } from "@/lib/patients/banner";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConsultationStatus } from "@/components/clinical/ChartCards";
import { AddendumForm, SignButton } from "@/components/clinical/ConsultationActions";
import { ConsultationForm } from "@/components/clinical/ConsultationForm";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { Card, PageHeader } from "@/components/ui/Card";
import { formatStamp, getConsultation } from "@/lib/clinical/queries";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { guardPage } from "@/lib/server/guard";
import { stringParams } from "@/lib/server/page-query";
import { can } from "@/lib/server/permissions";
import { consultationAddendumAction, signConsultationAction, updateConsultationAction } from "../actions";
import { formatCalendarDay } from "@/lib/i18n/dates";

export const generateMetadata = titled((m) => m.titles.consultationsId);

const NOTES = ["hpi", "exam", "assessment", "plan", "treatment"] as const;

export default async function ConsultationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const sp = stringParams(await searchParams);
  const ctx = await guardPage("clinical.read", `/consultations/${id}`);
  const locale = await requestLocale();
  const m = (await messages()).clinical;
  const cm = m.consultation;
  const c = await getConsultation(db(), ctx, id).catch((err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const author = ctx.actor.id === c.doctor.id && can(ctx.actor.role, "clinical.write");
  const editing = author && !c.locked && sp.edit === "1";
  const chartLink = can(ctx.actor.role, "patient.chart.read") ? `/patients/${c.patient.id}` : "/me/health";
  const banner = await bannerFor(db(), ctx, c.patient.id);
  return (
    <>
      <PatientBanner banner={banner} chartLink={can(ctx.actor.role, "patient.chart.read")} />
      <PageHeader title={m.phrases.consultationFor(c.patient.name)}>
        <div className="flex flex-wrap items-center gap-3">
          <Link href={chartLink} className="text-sm text-brand-700 hover:underline print:hidden">
            ← {cm.back}
          </Link>
          <PrintButton label={(await messages()).chart.banner.print} />
          {can(ctx.actor.role, "prescription.write") ? (
            <Link
              href={`/prescriptions/new?patientId=${c.patient.id}&consultationId=${c.id}`}
              className={buttonClass("primary")}
            >
              {(await messages()).prescriptions.chart.prescribe}
            </Link>
          ) : null}
        </div>
      </PageHeader>
      <div className="space-y-6">
        {sp.saved && !c.signedAt ? <Alert tone="success">{cm.saved}</Alert> : null}
        {sp.signed ? <Alert tone="success">{cm.signedNotice}</Alert> : null}
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <ConsultationStatus c={c} m={m} />
          <span>
            {cm.doctor}: {c.doctor.name}
          </span>
          <span>{m.phrases.lastUpdated(c.updatedBy, formatStamp(c.updatedAt, locale))}</span>
          {c.signedAt ? (
            <span>{m.phrases.signedBy(c.signedBy ?? c.doctor.name, formatStamp(c.signedAt, locale))}</span>
          ) : null}
          {c.lockedAt && !c.locked ? <span>{m.phrases.lockedAt(formatStamp(c.lockedAt, locale))}</span> : null}
        </div>
        {editing ? (
          <Card>
            <ConsultationForm
              target={{ id: c.id }}
              initial={{
                ...Object.fromEntries(NOTES.map((k) => [k, c[k] ?? ""])),
                nextVisitOn: c.nextVisitOn ?? "",
                diagnoses: c.diagnoses.map((d) => ({ code: d.code ?? undefined, description: d.description })),
              }}
              save={updateConsultationAction}
              labels={cm}
            />
          </Card>
        ) : (
          <div className="grid gap-6 lg:grid-cols-3">
            <Card title={cm.title} className="lg:col-span-2">
              <dl className="space-y-4 text-sm">
                {NOTES.map((k) => (
                  <div key={k}>
                    <dt className="font-medium text-slate-700">{cm[k]}</dt>
                    <dd className="mt-1 whitespace-pre-line text-slate-900">{c[k] || cm.none}</dd>
                  </div>
                ))}
                <div>
                  <dt className="font-medium text-slate-700">{cm.nextVisitOn}</dt>
                  <dd className="mt-1 text-slate-900">
                    {c.nextVisitOn ? formatCalendarDay(c.nextVisitOn, locale) : cm.none}
                  </dd>
                </div>
              </dl>
              {author && !c.locked ? (
                <div className="mt-6 flex flex-wrap items-start gap-3 border-t border-slate-100 pt-4">
                  <Link href={`/consultations/${c.id}?edit=1`} className={buttonClass("secondary")}>
                    {cm.edit}
                  </Link>
                  {!c.signedAt ? (
                    <SignButton
                      id={c.id}
                      sign={signConsultationAction}
                      label={cm.sign}
                      next={`/consultations/${c.id}?signed=1`}
                    />
                  ) : null}
                </div>
              ) : null}
            </Card>
            <Card title={cm.diagnoses}>
              {c.diagnoses.length ? (
                <ul className="space-y-2 text-sm">
                  {c.diagnoses.map((d, i) => (
                    <li key={i}>
                      {d.code ? <span className="mr-2 font-mono font-semibold">{d.code}</span> : null}
                      {d.description}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-slate-600">{cm.noDiagnoses}</p>
              )}
            </Card>
          </div>
        )}
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={cm.addenda}>
            {c.addenda.length ? (
              <ul className="space-y-3 text-sm">
                {c.addenda.map((a) => (
                  <li key={a.id}>
                    <p className="text-xs text-slate-500">
                      {m.phrases.addendumBy(a.author, formatStamp(a.createdAt, locale))}
                    </p>
                    <p className="whitespace-pre-line">{a.text}</p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">{cm.noAddenda}</p>
            )}
            {c.signedAt && ctx.actor.role === "DOCTOR" ? (
              <div className="mt-4 border-t border-slate-100 pt-4">
                <AddendumForm target={{ id: c.id }} add={consultationAddendumAction} labels={cm} />
              </div>
            ) : null}
          </Card>
          {ctx.actor.role !== "PATIENT" ? (
            <Card title={cm.versions}>
              {c.versions.length ? (
                <ol className="space-y-3 text-sm">
                  {c.versions.map((v) => (
                    <li key={v.version}>
                      <details>
                        <summary className="cursor-pointer">
                          {m.phrases.versionBy(v.version, v.editedBy, formatStamp(v.editedAt, locale))}
                        </summary>
                        <dl className="mt-2 space-y-1 border-l-2 border-slate-200 pl-3">
                          {NOTES.filter((k) => v.content[k]).map((k) => (
                            <div key={k}>
                              <dt className="text-xs text-slate-500">{cm[k]}</dt>
                              <dd className="whitespace-pre-line">{String(v.content[k])}</dd>
                            </div>
                          ))}
                          {Array.isArray(v.content.diagnoses) && v.content.diagnoses.length ? (
                            <div>
                              <dt className="text-xs text-slate-500">{cm.diagnoses}</dt>
                              <dd>
                                {(v.content.diagnoses as { code: string | null; description: string }[])
                                  .map((d) => `${d.code ? `${d.code} ` : ""}${d.description}`)
                                  .join("; ")}
                              </dd>
                            </div>
                          ) : null}
                        </dl>
                      </details>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="text-sm text-slate-600">{cm.noVersions}</p>
              )}
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
