"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useSubmit } from "@/components/forms/useSubmit";
import { Alert } from "@/components/ui/Alert";
import { useConfirm } from "@/components/ui/ConfirmDialog";
import { Field } from "@/components/ui/Field";
import type { Messages } from "@/lib/i18n/en";
import type { ActionResult } from "@/lib/server/action";
import { PatientPicker, type PatientOption } from "./PatientPicker";
import { SlotPicker, type SlotDay } from "./SlotPicker";

type Labels = Messages["scheduling"]["booking"] & { noSlots: string };

/**
 * Booking from a doctor's page: a patient books for themself; staff choose the patient first.
 * A slot taken meanwhile shows the server's message and the slots are reloaded.
 */
export function BookingPanel({
  doctorId,
  days,
  forSelf,
  initialPatient,
  book,
  find,
  labels,
}: {
  doctorId: string;
  days: SlotDay[];
  forSelf: boolean;
  initialPatient: PatientOption | null;
  book: (input: {
    doctorId: string;
    startsAt: string;
    patientId?: string;
    reason?: string;
  }) => Promise<ActionResult<{ id: string }>>;
  find: (input: { q: string }) => Promise<ActionResult<PatientOption[]>>;
  labels: Labels;
}) {
  const router = useRouter();
  const [patient, setPatient] = useState<PatientOption | null>(initialPatient);
  const [reason, setReason] = useState("");
  const { error, pending, submit } = useSubmit(book, (data) => router.push(`/appointments/${data.id}?created=1`));
  const ready = forSelf || patient !== null;
  // The grid was stale: reload it, so the slot someone else just took shows as taken.
  useEffect(() => {
    if (error?.code === "SLOT_TAKEN") router.refresh();
  }, [error, router]);
  const confirmBook = useConfirm({
    title: labels.confirmBookTitle,
    consequence: labels.confirmBookText,
    confirm: labels.confirmBook,
    cancel: labels.confirmBack,
    variant: "primary",
  });
  const pick = (startsAt: string) =>
    confirmBook.ask(() =>
      submit({
        doctorId,
        startsAt,
        reason: reason || undefined,
        ...(patient && !forSelf ? { patientId: patient.id } : {}),
      }),
    );
  return (
    <div className="space-y-4">
      {!forSelf ? <PatientPicker value={patient} onChange={setPatient} find={find} labels={labels} /> : null}
      <Field
        label={labels.reason}
        name="reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={500}
        error={error?.fields?.reason}
      />
      {error ? <Alert tone="error">{error.fields?.startsAt ?? error.fields?.patientId ?? error.message}</Alert> : null}
      <p className="text-sm text-slate-600">{ready ? labels.selfHint : labels.choosePatient}</p>
      <SlotPicker
        days={days}
        labels={{ free: labels.free, taken: labels.taken, noSlots: labels.noSlots }}
        onPick={pick}
        disabled={!ready || pending}
      />
      {confirmBook.dialog}
    </div>
  );
}
