"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { useSubmit } from "@/components/forms/useSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { useConfirm } from "@/components/ui/ConfirmDialog";
import { Field } from "@/components/ui/Field";
import type { Messages } from "@/lib/i18n/en";
import { ZAppointmentChange } from "@/lib/scheduling/schemas";
import type { ActionResult } from "@/lib/server/action";
import { SlotPicker, type SlotDay } from "./SlotPicker";

type Change = { startsAt: string } | { status: "CHECKED_IN" | "COMPLETED" | "CANCELLED" | "NO_SHOW"; reason?: string };
type Act = (input: { id: string; change: Change }) => Promise<ActionResult<{ id: string }>>;
type Labels = Messages["scheduling"]["detail"] & { free: string; taken: string; noSlots: string };

/**
 * What the caller may do with one appointment, as the server decided it (`allowed`). The server
 * checks again: a refused move (cut-off, illegal transition, slot taken) shows its message.
 */
export function AppointmentActions({
  id,
  allowed,
  slots,
  act,
  labels,
}: {
  id: string;
  allowed: { reschedule: boolean; cancel: boolean; checkIn: boolean; complete: boolean; noShow: boolean };
  slots: SlotDay[];
  act: Act;
  labels: Labels;
}) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const { error, pending, submit, edited } = useSubmit(act, () => {
    setReason("");
    router.refresh();
  });
  const run = (change: Change, message: string) => {
    setDone(message);
    submit({ id, change });
  };
  const back = labels.confirmBack;
  const confirmCancel = useConfirm({
    title: labels.confirmCancelTitle,
    consequence: labels.confirmCancelText,
    confirm: labels.confirmCancel,
    cancel: back,
  });
  const confirmMove = useConfirm({
    title: labels.confirmMoveTitle,
    consequence: labels.confirmMoveText,
    confirm: labels.confirmMove,
    cancel: back,
    variant: "primary",
  });
  const message = error?.message ?? null;
  if (!Object.values(allowed).some(Boolean)) return <p className="text-sm text-slate-600">{labels.noActions}</p>;
  return (
    <div className="space-y-6">
      {message ? <Alert tone="error">{message}</Alert> : done && !pending ? <Alert tone="success">{done}</Alert> : null}
      {allowed.checkIn || allowed.complete || allowed.noShow ? (
        <div className="flex flex-wrap gap-2">
          {allowed.checkIn ? (
            <Button
              type="button"
              variant="secondary"
              pending={pending}
              onClick={() => run({ status: "CHECKED_IN" }, labels.updated)}
            >
              {labels.checkIn}
            </Button>
          ) : null}
          {allowed.complete ? (
            <Button type="button" pending={pending} onClick={() => run({ status: "COMPLETED" }, labels.updated)}>
              {labels.complete}
            </Button>
          ) : null}
          {allowed.noShow ? (
            <Button
              type="button"
              variant="secondary"
              pending={pending}
              onClick={() => run({ status: "NO_SHOW" }, labels.updated)}
            >
              {labels.noShow}
            </Button>
          ) : null}
        </div>
      ) : null}
      {allowed.reschedule ? (
        <section aria-labelledby="reschedule-title" className="space-y-2">
          <h3 id="reschedule-title" className="text-sm font-semibold text-slate-900">
            {labels.reschedule}
          </h3>
          <p className="text-sm text-slate-600">{labels.rescheduleHint}</p>
          <SlotPicker
            days={slots}
            labels={labels}
            disabled={pending}
            onPick={(startsAt) => confirmMove.ask(() => run({ startsAt }, labels.rescheduled))}
          />
        </section>
      ) : null}
      {allowed.cancel ? (
        <SubmitForm
          className="space-y-3"
          error={null}
          onSubmit={() => {
            // Asked only once the reason is acceptable; without one the server's message says what is missing.
            const cancel = () => run({ status: "CANCELLED", reason }, labels.updated);
            if (ZAppointmentChange.safeParse({ status: "CANCELLED", reason }).success) confirmCancel.ask(cancel);
            else cancel();
          }}
        >
          <h3 className="text-sm font-semibold text-slate-900">{labels.cancel}</h3>
          <Field
            label={labels.cancelReasonLabel}
            name="cancelReason"
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              edited("change.reason");
            }}
            maxLength={500}
            error={error?.fields?.["change.reason"]}
          />
          <Button type="submit" variant="danger" pending={pending}>
            {labels.cancelSubmit}
          </Button>
        </SubmitForm>
      ) : null}
      {confirmCancel.dialog}
      {confirmMove.dialog}
    </div>
  );
}
