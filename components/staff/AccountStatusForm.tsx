"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useSubmit } from "@/components/forms/useSubmit";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { useValidatedSubmit } from "@/components/forms/useValidatedSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { useConfirm } from "@/components/ui/ConfirmDialog";
import { Field } from "@/components/ui/Field";
import type { Messages } from "@/lib/i18n/en";
import type { ActionResult } from "@/lib/server/action";
import { ZDeactivate } from "@/lib/staff/schemas";

type Act = (input: { id: string; reason?: string }) => Promise<ActionResult<{ id: string }>>;

/** Deactivate with a reason, or reactivate: whichever applies to the account's current state. */
export function AccountStatusForm({
  id,
  active,
  deactivate,
  reactivate,
  labels,
}: {
  id: string;
  active: boolean;
  deactivate: Act;
  reactivate: Act;
  labels: Messages["staff"]["staff"];
}) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const off = useValidatedSubmit(ZDeactivate, deactivate, () => router.refresh());
  const on = useSubmit(reactivate, () => router.refresh());
  const confirm = useConfirm({
    title: labels.confirmDeactivateTitle,
    consequence: labels.confirmDeactivateText,
    confirm: labels.confirmDeactivate,
    cancel: labels.confirmBack,
  });
  if (!active) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-slate-600">{labels.reactivateHint}</p>
        {on.error ? <Alert tone="error">{on.error.message}</Alert> : null}
        <Button type="button" pending={on.pending} onClick={() => on.submit({ id })}>
          {labels.reactivate}
        </Button>
      </div>
    );
  }
  return (
    <SubmitForm className="space-y-3" onSubmit={() => confirm.ask(() => off.submit({ id, reason }))} error={off.error}>
      <p className="text-sm text-slate-600">{labels.deactivateHint}</p>
      <Field
        label={labels.reason}
        name="reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={off.fields.reason}
      />
      <Button type="submit" variant="danger" pending={off.pending}>
        {labels.deactivate}
      </Button>
      {confirm.dialog}
    </SubmitForm>
  );
}
