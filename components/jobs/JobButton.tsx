"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useSubmit } from "@/components/forms/useSubmit";
import { Button } from "@/components/ui/Button";
import { useConfirm, type ConfirmText } from "@/components/ui/ConfirmDialog";
import type { ActionResult } from "@/lib/server/action";

/** One admin action on a job (retry a failed job, run a schedule now), with its outcome beside it. */
export function JobButton<I>({
  act,
  input,
  label,
  doneLabel,
  confirm,
}: {
  act: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  label: string;
  doneLabel: string;
  confirm?: ConfirmText;
}) {
  const router = useRouter();
  const [done, setDone] = useState(false);
  const { error, pending, submit } = useSubmit(act, () => {
    setDone(true);
    router.refresh();
  });
  // A consequential action (revoking a token) first asks, with its consequence stated.
  const asking = useConfirm(confirm ?? { title: "", consequence: "", confirm: "", cancel: "" });
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        pending={pending}
        onClick={() => (confirm ? asking.ask(() => submit(input)) : submit(input))}
      >
        {label}
      </Button>
      {confirm ? asking.dialog : null}
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {error.message}
        </span>
      ) : done ? (
        <span role="status" className="text-sm text-green-700">
          {doneLabel}
        </span>
      ) : null}
    </span>
  );
}
