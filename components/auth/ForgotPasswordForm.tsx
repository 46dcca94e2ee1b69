"use client";

import { useState } from "react";
import { SubmitForm } from "@/components/forms/SubmitForm";
import { useValidatedSubmit } from "@/components/forms/useValidatedSubmit";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { ZForgotPassword } from "@/lib/accounts/password-link-schemas";
import type { Messages } from "@/lib/i18n/en";
import type { ActionResult } from "@/lib/server/action";

export function ForgotPasswordForm({
  action,
  labels,
}: {
  action: (i: { email: string }) => Promise<ActionResult<{ done: boolean }>>;
  labels: Messages["staff"]["forgotPassword"];
}) {
  const [email, setEmail] = useState("");
  const [answered, setAnswered] = useState(false);
  const { error, fields, pending, submit } = useValidatedSubmit(ZForgotPassword, action, () => setAnswered(true));
  if (answered)
    return (
      <div className="mt-6">
        <Alert tone="success">{labels.answer}</Alert>
      </div>
    );
  return (
    <SubmitForm className="mt-6 space-y-4" onSubmit={() => submit({ email })} error={error}>
      <Field
        label={labels.email}
        name="email"
        type="email"
        autoComplete="username"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fields.email}
        autoFocus
      />
      <Button type="submit" className="w-full" pending={pending}>
        {labels.submit}
      </Button>
    </SubmitForm>
  );
}
