"use client";

import { useRouter } from "next/navigation";
import { useSubmit } from "@/components/forms/useSubmit";
import { Button } from "@/components/ui/Button";
import type { ActionResult } from "@/lib/server/action";

type Review = (input: { resultId: string }) => Promise<ActionResult<unknown>>;

/** Marks one result reviewed (who and when are recorded); the list refreshes without it. */
export function ReviewButton({
  resultId,
  review,
  label,
  what,
}: {
  resultId: string;
  review: Review;
  label: string;
  what: string;
}) {
  const router = useRouter();
  const { error, pending, submit } = useSubmit(review, () => router.refresh());
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        pending={pending}
        onClick={() => submit({ resultId })}
        aria-label={`${label}: ${what}`}
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
