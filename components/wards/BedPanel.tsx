"use client";

import { formNumber } from "@/lib/server/validation";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import {
  admitAction,
  admitAllergiesAction,
  bedHistoryAction,
  bedStateAction,
  dischargeAction,
  freeBedsAction,
  transferAction,
} from "@/lib/wards/bed-actions";
import { findPatientsAction } from "@/lib/scheduling/actions";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { useSubmit } from "@/components/forms/useSubmit";
import { TextArea } from "@/components/clinical/TextArea";
import { AllergyChips, type AllergyChipLabels } from "@/components/patients/AllergyChips";
import { PatientPicker, type PatientOption } from "@/components/scheduling/PatientPicker";
import { TriageBox } from "@/components/triage/TriageBox";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { useConfirm } from "@/components/ui/ConfirmDialog";
import { Field } from "@/components/ui/Field";
import { SelectField } from "@/components/ui/Select";
import type { BedState } from "@/lib/generated/prisma/enums";
import { INTL_TAG, type Locale } from "@/lib/i18n";
import { useAppLocale } from "@/lib/i18n/client";
import type { Messages } from "@/lib/i18n/en";
import type { AllergyChip } from "@/lib/patients/banner";
import type { BoardBed } from "@/lib/wards/queries";

type Option = { id: string; name: string };
export type PanelProps = {
  bed: BoardBed;
  place: string;
  /** The bed's ward: the transfer picker starts there. */
  wardId: string;
  labels: Messages["wards"]["board"];
  states: Record<BedState, string>;
  triageLabels: Messages["triage"]["box"];
  /** The allergy chips' words (as the patient banner has them). */
  allergyLabels: AllergyChipLabels;
  /** Every active ward, for the transfer picker (its free beds are loaded one ward at a time). */
  wardOptions: Option[];
  doctors: Option[];
  departments: Option[];
  can: { admit: boolean; state: boolean };
  timeZone: string;
  onClose: () => void;
};

const when = (iso: string, timeZone: string, locale: Locale) =>
  new Date(iso).toLocaleString(INTL_TAG[locale], { timeZone, dateStyle: "medium", timeStyle: "short" });

/** The chosen patient's allergies, read (audited) when the choice changes; null while loading or with no choice. */
function useAllergies(patientId: string | undefined) {
  const [read, setRead] = useState<{ patientId: string; allergies: AllergyChip[] | null } | null>(null);
  useEffect(() => {
    if (!patientId) return;
    let live = true;
    admitAllergiesAction({ patientId }).then((r) => {
      if (live) setRead({ patientId, allergies: r.ok ? r.data : null });
    });
    return () => {
      live = false;
    };
  }, [patientId]);
  return patientId && read?.patientId === patientId ? read : null;
}

function AdmitForm({
  bed,
  labels,
  triageLabels,
  allergyLabels,
  doctors,
  departments,
  onDone,
}: Pick<PanelProps, "bed" | "labels" | "triageLabels" | "allergyLabels" | "doctors" | "departments"> & {
  onDone: (m: string) => void;
}) {
  const [patient, setPatient] = useState<PatientOption | null>(null);
  const allergies = useAllergies(patient?.id);
  const [form, setForm] = useState({
    reason: "",
    attendingDoctorId: "",
    departmentId: "",
    plannedStayDays: "",
    triageId: "",
  });
  const { error, fields, pending, submit, edited } = useSubmit(admitAction, () => onDone(labels.admitted));
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => {
    edited(k);
    setForm((f) => ({ ...f, [k]: e.target.value }));
  };
  return (
    <section aria-labelledby="admit-title" className="space-y-4">
      <h3 id="admit-title" className="text-base font-semibold text-slate-900">
        {labels.admitTitle}
      </h3>
      <PatientPicker value={patient} onChange={setPatient} find={findPatientsAction} labels={labels} />
      {fields.patientId ? <p className="text-sm text-red-700">{fields.patientId}</p> : null}
      {patient ? (
        <div
          aria-live="polite"
          className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2"
          data-admit-allergies={allergies ? "loaded" : "loading"}
        >
          {allergies?.allergies ? (
            <AllergyChips
              allergies={allergies.allergies}
              labels={allergyLabels}
              className="flex flex-wrap items-baseline gap-1.5 text-sm"
            />
          ) : allergies ? (
            <p className="text-sm text-red-700">{labels.allergiesFailed}</p>
          ) : (
            <p className="text-sm text-slate-600">{labels.allergiesLoading}</p>
          )}
        </div>
      ) : null}
      <TriageBox
        labels={triageLabels}
        departments={departments}
        patientId={patient?.id}
        onConfirm={(c) =>
          setForm((f) =>
            c
              ? {
                  ...f,
                  triageId: c.triageId,
                  departmentId: c.departmentId,
                  plannedStayDays: c.plannedStayDays ? String(c.plannedStayDays) : f.plannedStayDays,
                }
              : { ...f, triageId: "" },
          )
        }
      />
      <SubmitForm
        className="space-y-4"
        error={error}
        onSubmit={() =>
          submit({
            ...form,
            plannedStayDays: formNumber(form.plannedStayDays) ?? null,
            patientId: patient?.id ?? "",
            bedId: bed.id,
          })
        }
      >
        <TextArea
          label={labels.reason}
          name="reason"
          value={form.reason}
          onChange={set("reason")}
          error={fields.reason}
          maxLength={1000}
        />
        <SelectField
          label={labels.attending}
          name="attendingDoctorId"
          value={form.attendingDoctorId}
          onChange={set("attendingDoctorId")}
          error={fields.attendingDoctorId}
          options={[["", labels.chooseDoctor], ...doctors.map((d) => [d.id, d.name] as const)]}
        />
        <SelectField
          label={labels.admitDepartment}
          name="departmentId"
          value={form.departmentId}
          onChange={set("departmentId")}
          error={fields.departmentId}
          options={[["", labels.noDepartment], ...departments.map((d) => [d.id, d.name] as const)]}
        />
        <Field
          label={labels.plannedStay}
          name="plannedStayDays"
          type="number"
          min={1}
          max={365}
          value={form.plannedStayDays}
          onChange={set("plannedStayDays")}
          error={fields.plannedStayDays}
        />
        {fields.bedId ? <Alert tone="error">{fields.bedId}</Alert> : null}
        <Button type="submit" pending={pending}>
          {labels.admit}
        </Button>
      </SubmitForm>
    </section>
  );
}

function OccupiedActions({
  bed,
  wardId,
  labels,
  wardOptions,
  onDone,
}: Pick<PanelProps, "bed" | "wardId" | "labels" | "wardOptions"> & { onDone: (m: string) => void }) {
  const admissionId = bed.admission!.id;
  const [targetWard, setTargetWard] = useState(wardId);
  const [free, setFree] = useState<{ wardId: string; beds: Option[] } | null>(null);
  const [bedId, setBedId] = useState("");
  const [summary, setSummary] = useState("");
  const transfer = useSubmit(transferAction, () => onDone(labels.transferred));
  const discharge = useSubmit(dischargeAction, () => onDone(labels.discharged));
  const confirmDischarge = useConfirm({
    title: labels.confirmDischargeTitle,
    consequence: labels.confirmDischargeText,
    confirm: labels.confirmDischarge,
    cancel: labels.confirmBack,
  });
  useEffect(() => {
    let live = true;
    freeBedsAction({ wardId: targetWard }).then((r) => {
      if (live) setFree({ wardId: targetWard, beds: r.ok ? r.data : [] });
    });
    return () => {
      live = false;
    };
  }, [targetWard]);
  const beds = free?.wardId === targetWard ? free.beds : null;
  return (
    <>
      <SubmitForm className="space-y-3" error={transfer.error} onSubmit={() => transfer.submit({ admissionId, bedId })}>
        <h3 className="text-base font-semibold text-slate-900">{labels.transferTitle}</h3>
        <SelectField
          label={labels.targetWard}
          name="targetWardId"
          value={targetWard}
          onChange={(e) => {
            setTargetWard(e.target.value);
            setBedId("");
          }}
          options={wardOptions.map((w) => [w.id, w.name] as const)}
        />
        <SelectField
          label={labels.targetBed}
          name="targetBedId"
          value={bedId}
          onChange={(e) => setBedId(e.target.value)}
          error={transfer.fields.bedId}
          disabled={beds === null}
          options={[["", labels.chooseBed], ...(beds ?? []).map((b) => [b.id, b.name] as const)]}
        />
        {beds?.length === 0 ? <p className="text-sm text-slate-600">{labels.noFreeBed}</p> : null}
        <Button type="submit" variant="secondary" pending={transfer.pending}>
          {labels.transfer}
        </Button>
      </SubmitForm>
      <SubmitForm
        className="space-y-3"
        error={discharge.error}
        onSubmit={() => confirmDischarge.ask(() => discharge.submit({ admissionId, summary }))}
      >
        <h3 className="text-base font-semibold text-slate-900">{labels.dischargeTitle}</h3>
        <TextArea
          label={labels.summary}
          name="summary"
          rows={4}
          value={summary}
          onChange={(e) => {
            setSummary(e.target.value);
            discharge.edited("summary");
          }}
          error={discharge.fields.summary}
          maxLength={5000}
        />
        <Button type="submit" variant="danger" pending={discharge.pending}>
          {labels.discharge}
        </Button>
      </SubmitForm>
      {confirmDischarge.dialog}
    </>
  );
}

function StateButtons({ bed, labels, onDone }: Pick<PanelProps, "bed" | "labels"> & { onDone: (m: string) => void }) {
  const { error, pending, submit } = useSubmit(bedStateAction, () => onDone(labels.stateChanged));
  const to = (state: "FREE" | "OUT_OF_SERVICE") => submit({ bedId: bed.id, state });
  return (
    <div className="space-y-2">
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        {bed.state === "CLEANING" ? (
          <Button type="button" pending={pending} onClick={() => to("FREE")}>
            {labels.markClean}
          </Button>
        ) : null}
        {bed.state === "OUT_OF_SERVICE" ? (
          <Button type="button" pending={pending} onClick={() => to("FREE")}>
            {labels.backInService}
          </Button>
        ) : null}
        {bed.state === "FREE" || bed.state === "CLEANING" ? (
          <Button type="button" variant="secondary" pending={pending} onClick={() => to("OUT_OF_SERVICE")}>
            {labels.outOfServiceAction}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

type HistoryRow = {
  id: string;
  admissionId: string;
  patient: { name: string; mrn: string };
  startsAt: string;
  endsAt: string | null;
};

/** One bed: who is in it, its history, and what the user may do to it now. */
export function BedPanel({
  bed,
  place,
  wardId,
  labels,
  states,
  triageLabels,
  allergyLabels,
  wardOptions,
  doctors,
  departments,
  can,
  timeZone,
  onClose,
}: PanelProps) {
  const locale = useAppLocale();
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const [history, setHistory] = useState<HistoryRow[] | null>(null);
  const [loaded, setLoaded] = useState<string | null>(null);
  const refresh = (message: string) => {
    setDone(message);
    setLoaded(null);
    router.refresh();
  };
  const key = `${bed.id}:${bed.state}:${bed.stateChangedAt}`;
  useEffect(() => {
    if (loaded === key) return;
    let live = true;
    bedHistoryAction({ bedId: bed.id }).then((r) => {
      if (!live) return;
      setHistory(r.ok ? r.data : []);
      setLoaded(key);
    });
    return () => {
      live = false;
    };
  }, [bed.id, key, loaded]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop closes the dialog; Escape does so for the keyboard
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape closes it (the keydown listener above)
    <div className="fixed inset-0 z-40 flex justify-end bg-slate-900/30" onClick={onClose}>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: only stops a click inside the dialog from reaching the backdrop */}
      <aside
        role="dialog"
        aria-modal="true"
        aria-labelledby="bed-title"
        className="h-full w-full max-w-md space-y-6 overflow-y-auto bg-white p-6 shadow-xl"
        onClick={(e) => e.stopPropagation()}
      >
        <div className="flex items-start justify-between gap-3">
          <div>
            <h2 id="bed-title" className="text-lg font-semibold text-slate-900">
              {place}
            </h2>
            <p className="text-sm font-medium text-slate-700">
              {labels.state}: {states[bed.state]}
            </p>
          </div>
          <Button type="button" variant="secondary" onClick={onClose}>
            {labels.close}
          </Button>
        </div>
        {done ? <Alert tone="success">{done}</Alert> : null}
        {bed.admission ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600">{labels.patient}</dt>
            <dd>
              <span className="font-medium">{bed.admission.patientName}</span>{" "}
              <span className="font-mono text-slate-600 whitespace-nowrap">{bed.admission.mrn}</span>
            </dd>
            <dt className="text-slate-600">{labels.attending}</dt>
            <dd>{bed.admission.doctorName}</dd>
            <dt className="text-slate-600">{labels.since}</dt>
            <dd>{when(bed.admission.since, timeZone, locale)}</dd>
            <dd className="col-span-2">
              <Link className="text-brand-700 underline" href={`/admissions/${bed.admission.id}`}>
                {labels.openAdmission}
              </Link>
            </dd>
          </dl>
        ) : null}
        {can.admit && bed.state === "FREE" ? (
          <AdmitForm
            key={bed.id}
            bed={bed}
            labels={labels}
            triageLabels={triageLabels}
            allergyLabels={allergyLabels}
            doctors={doctors}
            departments={departments}
            onDone={refresh}
          />
        ) : null}
        {can.admit && bed.state === "OCCUPIED" && bed.admission ? (
          <OccupiedActions
            key={bed.admission.id}
            bed={bed}
            wardId={wardId}
            labels={labels}
            wardOptions={wardOptions}
            onDone={refresh}
          />
        ) : null}
        {can.state && bed.state !== "OCCUPIED" ? <StateButtons bed={bed} labels={labels} onDone={refresh} /> : null}
        <section aria-labelledby="history-title">
          <h3 id="history-title" className="mb-2 text-base font-semibold text-slate-900">
            {labels.history}
          </h3>
          {history === null ? null : history.length === 0 ? (
            <p className="text-sm text-slate-600">{labels.noHistory}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {history.map((h) => (
                <li key={h.id} className="py-2">
                  <span className="font-medium">{h.patient.name}</span>{" "}
                  <span className="font-mono text-slate-600 whitespace-nowrap">{h.patient.mrn}</span>
                  <br />
                  <span className="text-slate-600">
                    {when(h.startsAt, timeZone, locale)} → {h.endsAt ? when(h.endsAt, timeZone, locale) : labels.now}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </aside>
    </div>
  );
}
