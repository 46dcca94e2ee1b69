"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { useSubmit } from "@/components/forms/useSubmit";
import { Button } from "@/components/ui/Button";
import { useConfirm } from "@/components/ui/ConfirmDialog";
import { Field } from "@/components/ui/Field";
import type { ActionResult } from "@/lib/server/action";

type Labels = {
  revoke: string;
  revokeHint: string;
  revokeReason: string;
  revokeSubmit: string;
  confirmRevokeTitle: string;
  confirmRevokeText: string;
  confirmRevoke: string;
  confirmBack: string;
};

export function RevokeForm({
  id,
  revoke,
  labels,
}: {
  id: string;
  revoke: (input: { id: string; reason: string }) => Promise<ActionResult<{ id: string }>>;
  labels: Labels;
}) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const { error, fields, pending, submit, edited } = useSubmit(revoke, () => router.refresh());
  const confirm = useConfirm({
    title: labels.confirmRevokeTitle,
    consequence: labels.confirmRevokeText,
    confirm: labels.confirmRevoke,
    cancel: labels.confirmBack,
  });
  return (
    <SubmitForm className="space-y-3" error={error} onSubmit={() => confirm.ask(() => submit({ id, reason }))}>
      <p className="text-sm text-slate-600">{labels.revokeHint}</p>
      <Field
        label={labels.revokeReason}
        name="revokeReason"
        value={reason}
        onChange={(e) => {
          edited("reason");
          setReason(e.target.value);
        }}
        maxLength={1000}
        error={fields.reason}
      />
      <Button type="submit" variant="danger" pending={pending}>
        {labels.revokeSubmit}
      </Button>
      {confirm.dialog}
    </SubmitForm>
  );
}
