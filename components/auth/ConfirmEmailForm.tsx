"use client";

import Link from "next/link";
import { useState } from "react";
import { useSubmit } from "@/components/forms/useSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button, buttonClass } from "@/components/ui/Button";
import type { Messages } from "@/lib/i18n/en";
import type { ActionResult } from "@/lib/server/action";

/**
 * The emailed link's page: a button, not the page load, confirms the address, so that a mail
 * scanner opening the link does not spend it.
 */
export function ConfirmEmailForm({
  token,
  action,
  labels,
}: {
  token: string;
  action: (i: { token: string }) => Promise<ActionResult<{ done: boolean }>>;
  labels: Messages["accounts"]["confirmLink"];
}) {
  const [done, setDone] = useState(false);
  const { error, pending, submit } = useSubmit(action, () => setDone(true));
  if (done) {
    return (
      <div className="mt-6 space-y-4">
        <Alert tone="success">{labels.done}</Alert>
        <Link href="/dashboard" className={`${buttonClass("primary")} w-full`}>
          {labels.continue}
        </Link>
      </div>
    );
  }
  return (
    <div className="mt-6 space-y-4">
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      <Button type="button" className="w-full" pending={pending} onClick={() => submit({ token })}>
        {labels.submit}
      </Button>
    </div>
  );
}
