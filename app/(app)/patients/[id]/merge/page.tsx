import Link from "next/link";
import { redirect } from "next/navigation";
import { MergeButton } from "@/components/patients/MergeButtons";
import { PatientBanner } from "@/components/patients/PatientBanner";
import { Alert } from "@/components/ui/Alert";
import { Button, buttonClass } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { DefinitionList } from "@/components/ui/DefinitionList";
import { Field } from "@/components/ui/Field";
import { Table, cell } from "@/components/ui/Table";
import { messages, requestLocale, titled } from "@/lib/server/locale";
import { mergePatients, type MergeConflict, type MergePlan, type MergeSide } from "@/lib/patients/merge";
import { mergedDuplicateMrn, patientIdByMrn } from "@/lib/patients/merge-page";
import { patientBanner } from "@/lib/patients/banner";
import { openChart } from "@/lib/patients/chart";
import { patientRecord } from "@/lib/patients/queries";
import { patientRecordHref } from "@/lib/patients/scope";
import { db } from "@/lib/server/db";
import { AppError, errorText } from "@/lib/server/errors";
import { formatDate, formatInstant } from "@/lib/server/format";
import { guardPage } from "@/lib/server/guard";
import { mergePatientsAction } from "./actions";

export const generateMetadata = titled((m) => m.titles.patientsIdMerge);

type Search = { duplicateId?: string; mrn?: string; merged?: string };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Merging a duplicate into this record (records officers and admins): pick the duplicate by MRN, see
 * both side by side with what would move and what conflicts (a dry run), then merge after a confirm.
 */
export default async function MergePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const raw = await searchParams;
  const sp: Search = { duplicateId: one(raw.duplicateId), mrn: one(raw.mrn), merged: one(raw.merged) };
  const ctx = await guardPage("patient.merge", `/patients/${id}/merge`);
  const all = await messages();
  const t = all.merge;
  const locale = await requestLocale();
  // One opening of the survivor's record (scope checked, one audit row) serves the page and its banner.
  const chart = await openChart(db(), ctx, id);
  const survivor = patientRecord(chart);
  const banner = await patientBanner(db(), chart);
  const href = (patientRecordHref(ctx.actor.role) ?? "/patients/{id}/edit").replace("{id}", id);

  let pickError: string | null = null;
  if (sp.mrn && !sp.duplicateId) {
    const found = await patientIdByMrn(db(), sp.mrn);
    if (found) redirect(`/patients/${id}/merge?duplicateId=${encodeURIComponent(found)}`);
    pickError = t.notFoundMrn(sp.mrn.slice(0, 20));
  }

  let plan: MergePlan | null = null;
  let refusal: string | null = null;
  if (sp.duplicateId && !sp.merged) {
    try {
      plan = (await mergePatients(db(), ctx, id, sp.duplicateId, { preview: true })).plan;
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      refusal = errorText(err, locale);
    }
  }

  return (
    <div className="space-y-6" data-merge-page>
      <PatientBanner banner={banner} chartLink={false} heading />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold text-slate-900">{t.title}</h2>
        <Link href={href} className={buttonClass("secondary")}>
          {t.openSurvivor}
        </Link>
      </div>
      {sp.merged ? (
        <MergedResult t={t} survivorId={id} survivorMrn={survivor.mrn} duplicateId={sp.merged} href={href} />
      ) : null}
      {!sp.merged ? <p className="max-w-3xl text-sm text-slate-600">{t.intro}</p> : null}
      {!sp.merged ? (
        <Card title={t.pickTitle}>
          <form method="get" className="flex flex-wrap items-end gap-3">
            <div className="min-w-64">
              <Field
                label={t.pickLabel}
                name="mrn"
                defaultValue={sp.mrn ?? ""}
                hint={t.pickHint}
                error={pickError ?? undefined}
                required
                maxLength={20}
                autoComplete="off"
              />
            </div>
            <Button type="submit" variant="secondary">
              {t.pickSubmit}
            </Button>
          </form>
        </Card>
      ) : null}
      {refusal ? <Alert tone="error">{refusal}</Alert> : null}
      {plan ? (
        <>
          <div className="grid gap-6 md:grid-cols-2">
            <SideCard title={t.survivor} side={plan.survivor} t={t} all={all} locale={locale} />
            <SideCard title={t.duplicate} side={plan.duplicate} t={t} all={all} locale={locale} />
          </div>
          <Card title={t.preview}>
            <Moves plan={plan} t={t} />
          </Card>
          <Card title={t.conflicts}>
            {plan.conflicts.length ? (
              <ul className="list-disc space-y-1 pl-5 text-sm text-red-800" data-merge-conflicts>
                {plan.conflicts.map((c, i) => (
                  <li key={i}>{conflictText(c, t, locale)}</li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">{t.noConflicts}</p>
            )}
          </Card>
          {plan.conflicts.length === 0 ? (
            <MergeButton
              id={id}
              duplicateId={plan.duplicate.id}
              action={mergePatientsAction}
              label={t.merge}
              done={t.done(plan.duplicate.mrn, plan.survivor.mrn)}
              confirmText={{
                title: t.confirmTitle,
                consequence: t.confirmText(plan.duplicate.mrn, plan.survivor.mrn),
                confirm: t.confirm,
                cancel: t.back,
              }}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}

type T = Awaited<ReturnType<typeof messages>>["merge"];
type All = Awaited<ReturnType<typeof messages>>;

async function MergedResult({
  t,
  survivorId,
  survivorMrn,
  duplicateId,
  href,
}: {
  t: T;
  survivorId: string;
  survivorMrn: string;
  duplicateId: string;
  href: string;
}) {
  const dupMrn = await mergedDuplicateMrn(db(), survivorId, duplicateId);
  if (!dupMrn) return null;
  return (
    <div className="space-y-3" data-merge-result>
      <Alert tone="success">{t.done(dupMrn, survivorMrn)}</Alert>
      <Link href={href} className={buttonClass("primary")}>
        {t.openSurvivor}
      </Link>
    </div>
  );
}

function SideCard({
  title,
  side,
  t,
  all,
  locale,
}: {
  title: string;
  side: MergeSide;
  t: T;
  all: All;
  locale: "en" | "fr";
}) {
  const counts = Object.entries(side.counts).filter(([, n]) => n);
  return (
    <Card title={title}>
      <div data-merge-side={side.id}>
        <p className="text-lg font-semibold text-slate-900">
          {side.lastName}, {side.firstName}
        </p>
        <p className="mb-3 text-sm text-slate-600">
          <span className="font-mono">{side.mrn}</span> ·{" "}
          <time dateTime={side.dateOfBirth}>{formatDate(side.dateOfBirth, locale)}</time> ·{" "}
          {all.patients.form.sexes[side.sex as keyof All["patients"]["form"]["sexes"]]}
          {side.active ? "" : ` · ${t.inactive}`}
        </p>
        <DefinitionList
          rows={[
            [t.nationalId, side.nationalId ?? all.patients.chart.none],
            [all.patients.form.phone, side.phone ?? all.patients.chart.none],
            [all.patients.form.email, side.email ?? all.patients.chart.none],
            [t.account, side.hasAccount ? t.hasAccount : t.noAccount],
          ]}
        />
        <h3 className="mb-1 mt-4 text-sm font-semibold">{t.counts}</h3>
        {counts.length ? (
          <ul className="grid grid-cols-2 gap-x-4 text-sm">
            {counts.map(([k, n]) => (
              <li key={k} className="flex justify-between">
                <span>{t.kinds[k as keyof T["kinds"]]}</span>
                <span className="tabular-nums">{n}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{all.patients.chart.none}</p>
        )}
      </div>
    </Card>
  );
}

function Moves({ plan, t }: { plan: MergePlan; t: T }) {
  const rows = plan.moves.filter((m) => m.count || m.alreadyOnSurvivor);
  return (
    <div className="space-y-3">
      {rows.length ? (
        <Table head={[t.kind, t.moves, t.alreadyThere]}>
          {rows.map((m) => (
            <tr key={m.kind} data-move={m.kind}>
              <td className={cell}>{t.kinds[m.kind]}</td>
              <td className={`${cell} tabular-nums`}>{m.count}</td>
              <td className={`${cell} tabular-nums`}>{m.alreadyOnSurvivor || ""}</td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="text-sm text-slate-600">{t.nothingMoves}</p>
      )}
      {plan.account === "moves" ? (
        <p className="text-sm">{t.accountMoves}</p>
      ) : plan.account === "stays" ? (
        <p className="text-sm">{t.accountStays}</p>
      ) : null}
    </div>
  );
}

function conflictText(c: MergeConflict, t: T, locale: "en" | "fr"): string {
  if (c.kind === "appointment")
    return t.conflictAppointment(formatInstant(c.duplicateStartsAt, locale), formatInstant(c.survivorStartsAt, locale));
  if (c.kind === "admission")
    return t.conflictAdmission(
      formatInstant(c.duplicateAdmittedAt, locale),
      formatInstant(c.survivorAdmittedAt, locale),
    );
  return t.conflictAccounts;
}
