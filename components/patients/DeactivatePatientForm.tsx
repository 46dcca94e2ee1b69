"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useSubmit } from "@/components/forms/useSubmit";
import { Button } from "@/components/ui/Button";
import { useConfirm } from "@/components/ui/ConfirmDialog";
import { Field } from "@/components/ui/Field";
import type { ActionResult } from "@/lib/server/action";

type Labels = {
  deactivate: string;
  deactivateReason: string;
  deactivateConfirm: string;
  confirmDeactivateTitle: string;
  confirmDeactivateText: string;
  confirmBack: string;
};

export function DeactivatePatientForm({
  id,
  action,
  labels,
}: {
  id: string;
  action: (i: { id: string; reason: string }) => Promise<ActionResult<{ id: string }>>;
  labels: Labels;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const { fields, error, pending, submit, edited } = useSubmit(action, () => router.refresh());
  const confirm = useConfirm({
    title: labels.confirmDeactivateTitle,
    consequence: labels.confirmDeactivateText,
    confirm: labels.deactivateConfirm,
    cancel: labels.confirmBack,
  });
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {labels.deactivate}
      </Button>
    );
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        confirm.ask(() => submit({ id, reason }));
      }}
    >
      <div className="min-w-64 flex-1">
        <Field
          label={labels.deactivateReason}
          name="reason"
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            edited("reason");
          }}
          error={fields.reason ?? (error && !error.fields ? error.message : undefined)}
          autoFocus
        />
      </div>
      <Button type="submit" variant="danger" pending={pending}>
        {labels.deactivateConfirm}
      </Button>
      {confirm.dialog}
    </form>
  );
}
