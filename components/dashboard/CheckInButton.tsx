"use client";

import { useRouter } from "next/navigation";
import { useSubmit } from "@/components/forms/useSubmit";
import { Button } from "@/components/ui/Button";
import type { ActionResult } from "@/lib/server/action";

type CheckIn = (input: { id: string; change: { status: "CHECKED_IN" } }) => Promise<ActionResult<unknown>>;

/** Checks one of today's visits in from the records desk's list (the service checks the day and window again). */
export function CheckInButton({
  appointmentId,
  checkIn,
  label,
  who,
}: {
  appointmentId: string;
  checkIn: CheckIn;
  label: string;
  who: string;
}) {
  const router = useRouter();
  const { error, pending, submit } = useSubmit(checkIn, () => router.refresh());
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        pending={pending}
        onClick={() => submit({ id: appointmentId, change: { status: "CHECKED_IN" } })}
        aria-label={`${label}: ${who}`}
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
