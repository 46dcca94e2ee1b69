"use client";

import { useRouter } from "next/navigation";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { useSubmit } from "@/components/forms/useSubmit";
import { Button } from "@/components/ui/Button";
import type { ActionResult } from "@/lib/server/action";

/** The pharmacist's acknowledgement of a safety override: one button, recorded and audited by the server. */
export function AcknowledgeOverride({
  prescriptionId,
  action,
  labels,
}: {
  prescriptionId: string;
  action: (input: { prescriptionId: string }) => Promise<ActionResult<{ acknowledgedAt: string }>>;
  labels: { acknowledge: string; acknowledging: string };
}) {
  const router = useRouter();
  const { error, pending, submit } = useSubmit(action, () => router.refresh());
  return (
    <SubmitForm className="space-y-2" error={error} onSubmit={() => submit({ prescriptionId })}>
      <Button type="submit" pending={pending}>
        {pending ? labels.acknowledging : labels.acknowledge}
      </Button>
    </SubmitForm>
  );
}
