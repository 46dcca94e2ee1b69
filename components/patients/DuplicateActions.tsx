"use client";

import { useRouter } from "next/navigation";
import { useSubmit } from "@/components/forms/useSubmit";
import { Button } from "@/components/ui/Button";
import { useConfirm, type ConfirmText } from "@/components/ui/ConfirmDialog";
import type { ActionResult } from "@/lib/server/action";

/** One confirmed action button of the duplicates worklist; the list refreshes after it. */
export function ConfirmedButton<I>({
  act,
  input,
  label,
  ariaLabel,
  confirm,
  variant = "secondary",
}: {
  act: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  label: string;
  ariaLabel?: string;
  confirm: ConfirmText;
  variant?: "primary" | "secondary" | "danger";
}) {
  const router = useRouter();
  const { error, pending, submit } = useSubmit(act, () => router.refresh());
  const { ask, dialog } = useConfirm(confirm);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        type="button"
        variant={variant}
        pending={pending}
        aria-label={ariaLabel}
        onClick={() => ask(() => submit(input))}
      >
        {label}
      </Button>
      {dialog}
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error.message}
        </span>
      ) : null}
    </span>
  );
}
