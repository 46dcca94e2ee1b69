"use client";

import { useRouter } from "next/navigation";
import { useSubmit } from "@/components/forms/useSubmit";
import { Button } from "@/components/ui/Button";
import type { ActionResult } from "@/lib/server/action";

/**
 * One action on one row of a worklist (check a visit in, mark a result reviewed): the button shows
 * its pending state, the list refreshes when it is done, and a refusal is shown beside it. `name`
 * tells the row apart for screen readers ("Check in: Amara Bello").
 */
export function RowActionButton<I>({
  action,
  input,
  label,
  name,
}: {
  action: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  label: string;
  name: string;
}) {
  const router = useRouter();
  const { error, pending, submit } = useSubmit(action, () => router.refresh());
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        pending={pending}
        onClick={() => submit(input)}
        aria-label={`${label}: ${name}`}
      >
        {label}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error.message}
        </span>
      ) : null}
    </span>
  );
}
