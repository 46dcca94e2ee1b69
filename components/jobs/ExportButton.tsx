"use client";

import { useRouter } from "next/navigation";
import { useSubmit } from "@/components/forms/useSubmit";
import { Button } from "@/components/ui/Button";
import type { ActionResult } from "@/lib/server/action";

type Act = (input: { kind: "treatment-history"; patientId?: string }) => Promise<ActionResult<{ id: string }>>;

/** Asks for a treatment-history CSV (a patient's own when patientId is omitted), then opens /exports. */
export function ExportButton({
  act,
  patientId,
  label,
  pendingLabel,
  variant = "secondary",
}: {
  act: Act;
  patientId?: string;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary";
}) {
  const router = useRouter();
  const { error, pending, submit } = useSubmit(act, () => router.push("/exports"));
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        type="button"
        variant={variant}
        pending={pending}
        onClick={() => submit({ kind: "treatment-history", ...(patientId ? { patientId } : {}) })}
      >
        {pending ? pendingLabel : label}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {error.message}
        </span>
      ) : null}
    </span>
  );
}
