"use client";

import { signOut } from "next-auth/react";
import { startTransition, useActionState, useEffect } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import type { Messages } from "@/lib/i18n/en";
import type { ActionResult } from "@/lib/server/action";

type Result = ActionResult<{ changed: boolean }> | null;

export function ChangePasswordForm({
  action,
  labels,
}: {
  action: (prev: Result, form: FormData) => Promise<Result>;
  labels: Messages["password"];
}) {
  const [state, formAction, pending] = useActionState(action, null);
  // The change ended every session, this one included: sign in again with the new password.
  useEffect(() => {
    if (state?.ok) void signOut({ callbackUrl: "/login?changed=1" });
  }, [state]);
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  return (
    // Submitted through onSubmit, not the form's action, so that a refused attempt keeps what was typed.
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="space-y-4"
      noValidate
    >
      {state && !state.ok && !state.error.fields ? <Alert tone="error">{state.error.message}</Alert> : null}
      <Field
        label={labels.current}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={fields.currentPassword}
      />
      <Field
        label={labels.next}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint={labels.hint}
        error={fields.newPassword}
      />
      <Field
        label={labels.confirm}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={fields.confirmPassword}
      />
      <Button type="submit" pending={pending}>
        {labels.submit}
      </Button>
    </form>
  );
}
